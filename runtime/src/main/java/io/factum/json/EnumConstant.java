package io.factum.json;

/**
 * An enum constant with its JSON string as written ({@code "SHIPPED"}, quotes included), so that a generated
 * codec writes a constant as one copy and reads it by comparing bytes, without a {@code String} per value.
 *
 * @param json  the quoted name's UTF-8 bytes, as Jackson writes {@code name()}
 * @param value the constant
 */
public record EnumConstant<E extends Enum<E>>(byte[] json, E value) {}
