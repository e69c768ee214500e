package io.factum.processor.aggregate;

import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import io.factum.processor.base.ElementChecks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The compile-time fingerprint of an aggregate's snapshot: SHA-256 (first 128 bits, hex) of
 * <ul>
 *   <li>the snapshot record's shape: component names and types, recursively through nested records, and the
 *       constants of enums it uses (what the codec writes and reads);</li>
 *   <li>the normalised syntax tree ({@link Tree#toString()}: no comments, no formatting) of every {@code @Apply}
 *       method, of the snapshot method, of the restoring constructor and of the aggregate's instance field
 *       declarations (their initialisers are the state a restore starts from);</li>
 *   <li>the explicit {@code snapshotVersion}.</li>
 * </ul>
 * Where javac gives no tree (a method compiled in another unit, a compiler other than javac), that part counts
 * by its signature only, and {@link #covered()} says so.
 */
final class SnapshotFingerprint {

    private final Trees trees;
    private final StringBuilder text = new StringBuilder();
    private final List<String> covered = new ArrayList<>();

    /** @param trees javac's trees; null (another compiler) to count methods by signature only */
    SnapshotFingerprint(Trees trees) {
        this.trees = trees;
    }

    /** The snapshot record's shape, recursively. */
    SnapshotFingerprint shape(TypeElement record) {
        text.append("shape ");
        appendShape(record, new HashSet<>());
        text.append('\n');
        covered.add("shape of " + record.getQualifiedName() + " (components, nested records, enum constants)");
        return this;
    }

    private void appendShape(TypeElement type, Set<String> seen) {
        String name = type.getQualifiedName().toString();
        text.append(name);
        if (!seen.add(name)) {
            return; // a record met again (a recursive type) is named, not expanded
        }
        if (type.getKind() == ElementKind.ENUM) {
            text.append('{');
            for (Element constant : type.getEnclosedElements()) {
                if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
                    text.append(constant.getSimpleName()).append(',');
                }
            }
            text.append('}');
        } else if (type.getKind() == ElementKind.RECORD) {
            text.append('(');
            for (RecordComponentElement component : type.getRecordComponents()) {
                text.append(component.getSimpleName()).append(':').append(component.asType()).append(' ');
                appendNested(component.asType(), seen);
                text.append(';');
            }
            text.append(')');
        }
    }

    private void appendNested(TypeMirror type, Set<String> seen) {
        if (type instanceof ArrayType array) {
            appendNested(array.getComponentType(), seen);
        } else if (type instanceof DeclaredType declared) {
            TypeElement element = (TypeElement) declared.asElement();
            if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM) {
                appendShape(element, seen);
            }
            for (TypeMirror argument : declared.getTypeArguments()) {
                appendNested(argument, seen);
            }
        }
    }

    /** A method or constructor: its normalised tree, or its signature where there is no tree. */
    SnapshotFingerprint method(String role, ExecutableElement method) {
        Tree tree = trees == null ? null : trees.getTree(method);
        String where = ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + ElementChecks.describe(method);
        if (tree != null) {
            text.append(role).append(' ').append(where).append('\n').append(tree).append('\n');
            covered.add(role + " " + where + ": source");
        } else {
            text.append(role).append(' ').append(where).append(" (no source)\n");
            covered.add(role + " " + where + ": signature only (no source in this compilation)");
        }
        return this;
    }

    /** The aggregate's own instance fields, with their initialisers. */
    SnapshotFingerprint fields(TypeElement aggregate) {
        for (VariableElement field : ElementFilter.fieldsIn(aggregate.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            Tree tree = trees == null ? null : trees.getTree(field);
            text.append("field ").append(tree != null ? tree.toString() : field.asType() + " " + field.getSimpleName()).append('\n');
        }
        covered.add("instance fields of " + aggregate.getQualifiedName() + " (declarations and initialisers)");
        return this;
    }

    SnapshotFingerprint version(int version) {
        text.append("snapshotVersion ").append(version).append('\n');
        covered.add("snapshotVersion = " + version);
        return this;
    }

    /** 32 hex digits. Same input, same fingerprint: everything above is appended in declaration order. */
    String value() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    List<String> covered() {
        return covered;
    }
}
