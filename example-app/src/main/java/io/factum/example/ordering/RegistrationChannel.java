package io.factum.example.ordering;

import java.util.Locale;

/** How a customer signed up. Stored in {@link CustomerRegistered} since its schema version 2. */
public enum RegistrationChannel {
    WEB, MOBILE_APP, STORE, PHONE, OTHER;

    /**
     * The channel that version 1's free text ({@code registrationMethod}) meant. Release 0.1 stored
     * whatever the sign-up form sent, e.g. "web", "Mobile App", "in store"; anything unrecognised
     * becomes {@link #OTHER} rather than failing to load old customers.
     */
    public static RegistrationChannel fromLegacy(String method) {
        String text = method == null ? "" : method.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (text) {
            case "web", "website", "online", "webshop" -> WEB;
            case "mobile", "mobileapp", "app", "ios", "android" -> MOBILE_APP;
            case "store", "instore", "shop", "retail" -> STORE;
            case "phone", "telephone", "callcenter", "callcentre" -> PHONE;
            default -> OTHER;
        };
    }
}
