package io.factum.processor.aggregate;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.Message;
import io.factum.processor.base.ValidationReport;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Warns about state a snapshot obviously misses: a non-final field of the aggregate that an {@code @Apply} method
 * assigns but the snapshot method never names. It judges names in the source trees, so it stays silent wherever it
 * cannot be sure: when the snapshot method calls a method of its own class (which may read the field), or a tree
 * is missing; a local variable or parameter of an {@code @Apply} method that shadows a field does not count as
 * the field.
 */
final class SnapshotStateCheck {

    private SnapshotStateCheck() {}

    static void check(Trees trees, TypeElement aggregate, List<ExecutableElement> applyMethods, ExecutableElement snapshot,
                      String record, ValidationReport.Builder report) {
        if (trees == null || trees.getTree(snapshot) == null) {
            return;
        }
        Map<String, VariableElement> fields = new LinkedHashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(aggregate.getEnclosedElements())) {
            if (!field.getModifiers().contains(Modifier.STATIC) && !field.getModifiers().contains(Modifier.FINAL)) {
                fields.put(field.getSimpleName().toString(), field);
            }
        }
        Names read = new Names();
        read.scan(trees.getTree(snapshot), null);
        if (read.callsOwnMethod) {
            return; // a helper may read what we cannot see
        }
        Set<String> warned = new HashSet<>();
        for (ExecutableElement apply : applyMethods) {
            Tree tree = trees.getTree(apply);
            if (tree == null) {
                continue;
            }
            Writes writes = new Writes();
            writes.scan(tree, null);
            for (String written : writes.fields) {
                VariableElement field = fields.get(written);
                if (field != null && !writes.shadowed.contains(written) && !read.names.contains(written)
                        && warned.add(written)) {
                    report.add(field, Message.SNAPSHOT_FIELD_NOT_READ, written, aggregate.getSimpleName(),
                            ElementChecks.describe(apply), ElementChecks.describe(snapshot), record);
                }
            }
        }
    }

    /** The names an expression of the snapshot method uses, and whether it calls an unqualified or {@code this.} method. */
    private static final class Names extends TreeScanner<Void, Void> {
        final Set<String> names = new HashSet<>();
        boolean callsOwnMethod;

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            names.add(node.getName().toString());
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            names.add(node.getIdentifier().toString());
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            ExpressionTree select = node.getMethodSelect();
            if (select instanceof IdentifierTree || select instanceof MemberSelectTree member
                    && member.getExpression() instanceof IdentifierTree target && target.getName().contentEquals("this")) {
                callsOwnMethod = true;
            }
            return super.visitMethodInvocation(node, unused);
        }
    }

    /** The field names an {@code @Apply} method assigns ({@code x = }, {@code this.x += }, {@code x++}). */
    private static final class Writes extends TreeScanner<Void, Void> {
        final Set<String> fields = new HashSet<>();
        final Set<String> shadowed = new HashSet<>();

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            shadowed.add(node.getName().toString());
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
            target(node.getVariable());
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
            target(node.getVariable());
            return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void unused) {
            switch (node.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> target(node.getExpression());
                default -> { }
            }
            return super.visitUnary(node, unused);
        }

        private void target(ExpressionTree variable) {
            if (variable instanceof IdentifierTree identifier) {
                fields.add(identifier.getName().toString());
            } else if (variable instanceof MemberSelectTree member && member.getExpression() instanceof IdentifierTree target
                    && target.getName().contentEquals("this")) {
                fields.add(member.getIdentifier().toString());
            }
        }
    }
}
