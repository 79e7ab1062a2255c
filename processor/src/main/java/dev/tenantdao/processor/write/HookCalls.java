package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Hooks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The one place that emits hook calls: the calls of the DAO's private hook methods around reads
 * and writes, and those methods, which call the entity's own hook method and each listener's.
 */
final class HookCalls {

    private final DaoContext dao;

    HookCalls(DaoContext dao) {
        this.dao = dao;
    }

    private Hooks hooks() {
        return dao.entityHooks();
    }

    boolean has(HookKind kind) {
        return hooks().has(kind);
    }

    /** Whether {@code before} or {@code after} hooks run: then the write is atomic. */
    boolean hasAny(HookKind before, HookKind after) {
        return has(before) || has(after);
    }

    // ---- the calls -----------------------------------------------------------------------------------

    /**
     * Adds the call of the {@code kind} hooks on {@code source} to {@code code} when there are any,
     * and returns the variable holding the entity to write ({@code source} itself when none run).
     */
    String before(CodeBlock.Builder code, HookKind kind, String source, String hooked) {
        if (!has(kind)) {
            return source;
        }
        code.addStatement("$T $L = $L($L)", dao.type(), hooked, kind.method(), source);
        code.add(dao.tenant().requireCurrent(hooked));
        return hooked;
    }

    /** Returns {@code row}, after running the {@code kind} hooks on it when there are any. */
    CodeBlock returnStored(HookKind kind, String row) {
        if (!has(kind)) {
            return CodeBlock.builder().addStatement("return $L", row).build();
        }
        return CodeBlock.builder()
                .addStatement("$T stored = $L", dao.type(), row)
                .addStatement("$L(stored)", kind.method())
                .addStatement("return stored")
                .build();
    }

    /** Runs the after-insert hooks on each entity of {@code inserted}, in order, when there are any. */
    CodeBlock afterEachInsert(String inserted) {
        if (!has(HookKind.AFTER_INSERT)) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .beginControlFlow("for ($T stored : $L)", dao.type(), inserted)
                .addStatement("$L(stored)", HookKind.AFTER_INSERT.method())
                .endControlFlow()
                .build();
    }

    /** Calls the {@code kind} hooks (before or after delete) on {@code target}, when there are any. */
    CodeBlock call(HookKind kind, String target) {
        if (!has(kind)) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().addStatement("$L($L)", kind.method(), target).build();
    }

    /** Adds the entity of the current row of {@code rows} to {@code list}, after its load hooks. */
    CodeBlock addLoaded(String list) {
        if (!has(HookKind.AFTER_LOAD)) {
            return CodeBlock.builder().addStatement("$L.add(map(rows))", list).build();
        }
        return CodeBlock.builder()
                .addStatement("$T loaded = map(rows)", dao.type())
                .addStatement("$L(loaded)", HookKind.AFTER_LOAD.method())
                .addStatement("$L.add(loaded)", list)
                .build();
    }

    /**
     * Adds the entity of the current row of {@code rows}, after its load hooks, to {@code list} as a
     * {@code TenantRow} of the tenant {@code tenant} reads (a row read across tenants).
     */
    CodeBlock addLoadedWithTenant(String list, CodeBlock tenant) {
        if (!has(HookKind.AFTER_LOAD)) {
            return CodeBlock.builder().addStatement("$L.add(new $T<>($L, map(rows)))", list, Types.TENANT_ROW, tenant)
                    .build();
        }
        return CodeBlock.builder()
                .addStatement("$T loaded = map(rows)", dao.type())
                .addStatement("$L(loaded)", HookKind.AFTER_LOAD.method())
                .addStatement("$L.add(new $T<>($L, loaded))", list, Types.TENANT_ROW, tenant)
                .build();
    }

    /** Returns the entity of the current row of {@code rows}, after its load hooks. */
    CodeBlock returnLoaded() {
        if (!has(HookKind.AFTER_LOAD)) {
            return CodeBlock.builder().addStatement("return map(rows)").build();
        }
        return CodeBlock.builder()
                .addStatement("$T loaded = map(rows)", dao.type())
                .addStatement("$L(loaded)", HookKind.AFTER_LOAD.method())
                .addStatement("return loaded")
                .build();
    }

    /** Returns the entity of the first row of {@code rows}, after its load hooks, or empty. */
    CodeBlock returnFirstLoaded() {
        if (!has(HookKind.AFTER_LOAD)) {
            return CodeBlock.builder()
                    .addStatement("return call.rows(rows.next() ? $T.of(map(rows)) : $T.empty())", Types.OPTIONAL,
                            Types.OPTIONAL)
                    .build();
        }
        return CodeBlock.builder()
                .beginControlFlow("if (!rows.next())")
                .addStatement("call.rows(0)")
                .addStatement("return $T.empty()", Types.OPTIONAL)
                .endControlFlow()
                .addStatement("call.rows(1)")
                .addStatement("$T found = map(rows)", dao.type())
                .addStatement("$L(found)", HookKind.AFTER_LOAD.method())
                .addStatement("return $T.of(found)", Types.OPTIONAL)
                .build();
    }

    // ---- the hook methods and the listeners -------------------------------------------------------

    /**
     * One private method per hook kind that has hooks: for each level, most general first (the
     * root's, then the subtype's), the level's own method, then its listeners in order. Before
     * insert and update return the entity to write. In a hierarchy root's DAO, a subtype's level
     * runs on rows of that subtype only ({@code instanceof}).
     */
    List<MethodSpec> methods() {
        return methods(EnumSet.allOf(HookKind.class));
    }

    /** {@link #methods()} of the given kinds only. */
    List<MethodSpec> methods(Set<HookKind> kinds) {
        ClassName type = dao.type();
        String var = dao.var();
        List<MethodSpec> methods = new ArrayList<>();
        for (HookKind kind : HookKind.values()) {
            if (!has(kind) || !kinds.contains(kind)) {
                continue;
            }
            MethodSpec.Builder method = MethodSpec.methodBuilder(kind.method())
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(type, var);
            if (kind.replacesEntity()) {
                method.returns(type).addStatement("$T hooked = $L", type, var);
            }
            Locals locals = new Locals(dao);
            for (Hooks.Level level : hooks().levels()) {
                if (!level.has(kind)) {
                    continue;
                }
                if (isOwn(level)) {
                    method.addCode(kind.replacesEntity() ? replacing(kind, level) : calls(kind, level, var));
                } else if (kind.replacesEntity()) {
                    // (a root's DAO hands its writes to the subtypes' DAOs, which run their hooks)
                    throw new IllegalStateException(kind + " hooks of " + level.type() + " in " + dao.name() + "'s DAO");
                } else {
                    ClassName subtype = ClassName.get(level.type());
                    String as = locals.newName(Locals.variableName(subtype.simpleName()),
                            "as " + subtype.canonicalName());
                    method.beginControlFlow("if ($L instanceof $T $L)", var, subtype, as)
                            .addCode(calls(kind, level, as))
                            .endControlFlow();
                }
            }
            if (kind.replacesEntity()) {
                method.addStatement("return hooked");
            }
            methods.add(method.build());
        }
        return methods;
    }

    /** Whether {@code level} is the DAO's entity's or a supertype's (else a subtype's, in a root's DAO). */
    private boolean isOwn(Hooks.Level level) {
        return dao.entity().hooks().levels().contains(level);
    }

    /** A level's before-insert or -update hooks on {@code hooked}, each handing back the entity to write. */
    private CodeBlock replacing(HookKind kind, Hooks.Level level) {
        ClassName type = dao.type();
        CodeBlock.Builder code = CodeBlock.builder();
        Hooks.Method own = level.method(kind);
        if (own != null && !dao.entity().isRecord()) {
            code.addStatement("hooked.$L()", own.name());
        } else if (own != null && own.element().getEnclosingElement().equals(dao.entity().element())) {
            code.addStatement("hooked = hooked.$L()", own.name());
        } else if (own != null) {
            // declared on a supertype, it returns the supertype: it must hand back a $type
            code.addStatement("hooked = ($T) hooked.$L()", type, own.name());
        }
        for (Hooks.Listener listener : level.listeners()) {
            if (listener.generic() || listener.listenedType().toString().equals(type.canonicalName())) {
                code.addStatement("hooked = $L.$L(hooked)", listenerField(listener), kind.method());
            } else {
                // a listener of a supertype returns the supertype; it must hand back a $type
                code.addStatement("hooked = ($T) $L.$L(hooked)", type, listenerField(listener), kind.method());
            }
        }
        return code.build();
    }

    /** A level's hooks that return nothing, on {@code target}. */
    private CodeBlock calls(HookKind kind, Hooks.Level level, String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        Hooks.Method own = level.method(kind);
        if (own != null) {
            code.addStatement("$L.$L()", target, own.name());
        }
        for (Hooks.Listener listener : level.listeners()) {
            code.addStatement("$L.$L($L)", listenerField(listener), kind.method(), target);
        }
        return code.build();
    }

    /**
     * The DAO's one instance of each listener, in declaration order; a generic listener is filled in
     * with the DAO's entity, or with the subtype it is declared on (in a root's DAO).
     */
    void addListenerFields(TypeSpec.Builder type) {
        java.util.Set<String> added = new java.util.HashSet<>();
        for (Hooks.Level level : hooks().levels()) {
            ClassName filled = isOwn(level) ? dao.type() : ClassName.get(level.type());
            for (Hooks.Listener listener : level.listeners()) {
                String field = listenerField(listener);
                if (!added.add(field)) {
                    continue;   // (one listener on two levels: one instance; the first level's type is the wider)
                }
                ClassName raw = ClassName.get(listener.type());
                TypeName listenerType = listener.generic() ? ParameterizedTypeName.get(raw, filled) : raw;
                type.addField(FieldSpec.builder(listenerType, field, Modifier.PRIVATE, Modifier.FINAL)
                        .initializer(listener.generic() ? "new $T<>()" : "new $T()", raw)
                        .build());
            }
        }
    }

    private String listenerField(Hooks.Listener listener) {
        return dao.fields().listener(listener);
    }
}
