package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * The name of the generated module: the {@code factum.module} option if given, otherwise
 * {@code <common package>.<LastSegment>FactumModule}, e.g. {@code com.acme.ordering.OrderingFactumModule}
 * for events and aggregates in {@code com.acme.ordering} and its subpackages.
 */
public final class ModuleNaming {

    /** Processor option: the fully qualified name of the generated {@code FactumModule}. */
    public static final String OPTION = "factum.module";

    /** The name used when everything is in the unnamed package. */
    public static final String DEFAULT_PACKAGE_MODULE = "GeneratedFactumModule";

    private ModuleNaming() {}

    /** Whether {@code option} can name the module class. */
    public static boolean isValidOption(String option) {
        return SourceVersion.isName(option);
    }

    /** The module class from a valid option value. */
    public static ClassName fromOption(String option) {
        int dot = option.lastIndexOf('.');
        return dot < 0 ? ClassName.get("", option) : ClassName.get(option.substring(0, dot), option.substring(dot + 1));
    }

    /** The default module class for classes in {@code packages} (not empty). */
    public static ClassName byDefault(Collection<String> packages) {
        List<String> common = null;
        for (String pkg : packages) {
            List<String> segments = pkg.isEmpty() ? List.of() : Arrays.asList(pkg.split("\\."));
            common = common == null ? segments : commonPrefix(common, segments);
        }
        if (common == null || common.isEmpty()) {
            return ClassName.get("", DEFAULT_PACKAGE_MODULE);
        }
        String last = common.get(common.size() - 1);
        return ClassName.get(String.join(".", common), Character.toUpperCase(last.charAt(0)) + last.substring(1) + "FactumModule");
    }

    /** {@code OrderingFactumModule} → {@code OrderingFactumModule2}: the default when the name is taken. */
    public static ClassName numbered(ClassName base, int n) {
        return ClassName.get(base.packageName(), base.simpleName() + n);
    }

    private static List<String> commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return a.subList(0, n);
    }
}
