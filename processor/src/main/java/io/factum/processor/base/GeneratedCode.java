package io.factum.processor.base;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** What every generated class shares: its marker annotations and how it is written. */
public final class GeneratedCode {

    private GeneratedCode() {}

    /** A public final class {@code name} marked {@code @Generated} and {@code @FactumGenerated}. */
    public static TypeSpec.Builder classBuilder(ClassName name) {
        return TypeSpec.classBuilder(name)
                .addAnnotation(AnnotationSpec.builder(GeneratedNames.GENERATED).addMember("value", "$S", GeneratedNames.PROCESSOR).build())
                .addAnnotation(GeneratedNames.FACTUM_GENERATED);
    }

    /** The file of {@code type} in {@code name}'s package, with the project's formatting. */
    public static JavaFile file(ClassName name, TypeSpec type) {
        return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("    ").build();
    }

    /** {@code @Override public <type> <name>() { return <value>; }}, implementing an interface method. */
    public static MethodSpec overridingGetter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }

    /** {@code @Override public Class<Type> <name>() { return Type.class; }}. */
    public static MethodSpec overridingClassGetter(String name, ClassName type) {
        return overridingGetter(name, ParameterizedTypeName.get(ClassName.get(Class.class), type), CodeBlock.of("$T.class", type));
    }

    /** {@code List.of(...)} with one element per line, so a registry reads (and diffs) one entry at a time. */
    public static CodeBlock listOf(List<CodeBlock> elements) {
        if (elements.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        return CodeBlock.builder()
                .add("$T.of(\n$>$>", List.class)
                .add(CodeBlock.join(elements, ",\n"))
                .add("$<$<)")
                .build();
    }

    /**
     * Writes {@code file} through the filer. The originating elements let incremental builds
     * (Gradle) know which sources the file comes from.
     */
    public static void write(Filer filer, JavaFile file, Element... originating) {
        String name = file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try (Writer writer = filer.createSourceFile(name, originating).openWriter()) {
            file.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name, e);
        }
    }
}
