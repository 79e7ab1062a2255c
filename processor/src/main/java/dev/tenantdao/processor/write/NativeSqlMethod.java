package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.query.QueryException;
import dev.tenantdao.processor.query.TenantProof;
import dev.tenantdao.processor.read.EntityReader;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A repository method in native SQL ({@code @Sql}): parsed and proven confined to the tenant at
 * compile time ({@link TenantProof}), unless {@code @CrossTenant} (then listed in the report); its
 * {@code :name} parameters bound by the {@link Binder} like every other binding ({@code :tenant} as the
 * tenant), the row-level-security setting put in front by the {@link TenancyPass}, the tables of
 * schema-per-tenant entities named in the tenant's schema. A SELECT returning entities or records is
 * read through {@code SELECT <their columns> FROM (<the statement>) AS rows}, so each is read by name.
 *
 * <p>Vendors: the statement's references to vendor-scoped tables are proven confined to the current
 * vendor too ({@code :vendor}, bound to the current vendor, which the method then requires: never
 * tenant-wide), unless the method is {@code @Sql(tenantWide = true)} (then it runs only inside an
 * explicit tenant-wide block). Either way, under row-level security the vendor settings are made
 * beside the tenant's.
 */
final class NativeSqlMethod {

    private final RepositoryWriter repository;
    private final Map<String, TenantProof.KnownTable> tables;
    private final List<String> crossTenant;

    NativeSqlMethod(RepositoryWriter repository, Map<String, TenantProof.KnownTable> tables, List<String> crossTenant) {
        this.repository = repository;
        this.tables = tables;
        this.crossTenant = crossTenant;
    }

    private EntityModel entity() {
        return repository.entity();
    }

    private DaoContext dao() {
        return repository.dao();
    }

    /**
     * What a native method needs of the vendor: nothing (its SQL names no vendor-scoped table and no
     * {@code :vendor}), the current vendor ({@code :vendor}), or an explicit tenant-wide block.
     */
    private enum VendorMode { NONE, VENDOR, TENANT_WIDE }

    /** The method, or null when a problem was reported (on the method or the SQL). */
    MethodSpec method(ExecutableElement method, ExecutableType resolved, AnnotationMirror sql, AnnotationMirror cross)
            throws RepositoryWriter.Problem {
        AnnotationValue value = RepositoryWriter.value(sql, "value");
        String text = (String) value.getValue();
        String operation = repository.name(method);
        AnnotationValue tenantWideValue = RepositoryWriter.value(sql, "tenantWide");
        boolean tenantWide = Boolean.TRUE.equals(tenantWideValue.getValue());
        if (cross != null) {
            String reason = ((String) RepositoryWriter.value(cross, "reason").getValue()).strip();
            if (reason.isEmpty()) {
                throw new RepositoryWriter.Problem(Message.CROSS_TENANT_REASON, operation)
                        .at(method, cross, RepositoryWriter.value(cross, "reason"));
            }
            crossTenant.add(entity().type().packageName() + "." + operation + ": " + reason);
        }
        TenantProof.Verdict verdict;
        try {
            verdict = TenantProof.prove(text, tables);
        } catch (QueryException e) {
            repository.diagnostics().report(Message.QUERY_INVALID, method, sql, value, operation, e.describe(text));
            repository.failed();
            return null;
        }
        if (verdict.statements() > 1) {
            repository.diagnostics().report(Message.QUERY_INVALID, method, sql, value, operation,
                    "@Sql holds " + verdict.statements() + " statements; a method runs one");
            repository.failed();
            return null;
        }
        // tenant-wide, references need no vendor condition; an UPDATE still never writes the vendor column
        List<TenantProof.Finding> vendorFindings = cross != null ? List.of() : verdict.vendorFindings().stream()
                .filter(finding -> !tenantWide || finding.evenTenantWide()).toList();
        if (cross == null && !verdict.proven() || !vendorFindings.isEmpty()) {
            for (TenantProof.Finding finding : cross == null ? verdict.findings() : List.<TenantProof.Finding>of()) {
                repository.diagnostics().report(Message.SQL_NOT_CONFINED, method, sql, value, operation,
                        new QueryException(finding.message(), finding.at()).describe(text));
            }
            for (TenantProof.Finding finding : vendorFindings) {
                repository.diagnostics().report(Message.SQL_NOT_CONFINED_TO_VENDOR, method, sql, value, operation,
                        new QueryException(finding.message(), finding.at()).describe(text));
            }
            repository.failed();
            return null;
        }
        dev.tenantdao.processor.query.SoftDeleteCheck.unfiltered(verdict.statement(), tables).forEach((table, column) ->
                repository.diagnostics().report(Message.SOFT_DELETE_UNFILTERED, method, sql, value, operation, table,
                        column, column));
        if (tenantWide && verdict.statement() instanceof net.sf.jsqlparser.statement.insert.Insert insert) {
            TenantProof.KnownTable target = tables.get(TenantProof.normalized(insert.getTable().getName()));
            if (target != null && target.vendorColumn() != null) {
                throw new RepositoryWriter.Problem(Message.SQL_TENANT_WIDE_INSERT, operation, target.name(),
                        target.vendorColumn()).at(method, sql, tenantWideValue);
            }
        }
        if (tenantWide && !verdict.namesVendorScoped()) {
            throw new RepositoryWriter.Problem(Message.SQL_TENANT_WIDE_NO_VENDOR_TABLE, operation)
                    .at(method, sql, tenantWideValue);
        }
        if (!verdict.inSchema().isEmpty() && !(entity().isTenanted() && entity().tenancy().isSchema())) {
            throw new RepositoryWriter.Problem(Message.SQL_SCHEMA_TABLES, operation, entity().name())
                    .at(method, sql, value);
        }
        // the statement as sent: schema-per-tenant tables in the tenant's schema (rewritten on the tree)
        String sent = text;
        if (!verdict.inSchema().isEmpty()) {
            verdict.inSchema().forEach(table -> table.setSchemaName(Wire.SCHEMA_PLACEHOLDER));
            sent = verdict.statement().toString();
        }

        Locals locals = Locals.forRepository(dao());
        List<VariableElement> declared = new ArrayList<>(method.getParameters());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            names.add(locals.newName(declared.get(i).getSimpleName().toString(), "parameter " + i));
        }
        MethodSpec.Builder builder = repository.overriding(method, resolved, names);

        boolean query = verdict.kind() == TenantProof.Kind.QUERY;
        TypeMirror returns = resolved.getReturnType();
        Result result = query ? result(method, returns) : null;
        if (!query) {
            String returned = TypeName.get(returns).toString();
            if (!Set.of("void", "int", "java.lang.Integer", "long", "java.lang.Long", "boolean").contains(returned)) {
                throw new RepositoryWriter.Problem(Message.QUERY_RETURN_TYPE, operation, returns,
                        "an INSERT, UPDATE or DELETE", "void, int, long or boolean");
            }
        }
        if (result != null && result.labels() != null) {
            // as far as the SQL tells: a record component without a column of its label
            Optional<List<String>> selected = selectedLabels(verdict.statement());
            if (selected.isPresent()) {
                for (String label : result.labels()) {
                    if (!selected.get().contains(label)) {
                        throw new RepositoryWriter.Problem(Message.SQL_NO_COLUMN, operation,
                                repository.types().asElement(result.element()).getSimpleName(), label,
                                String.join(", ", selected.get())).at(method, sql, value);
                    }
                }
            }
        }
        String wrapped = result == null || result.columns() == null ? sent
                : "SELECT " + String.join(", ", result.columns()) + " FROM (" + sent + ") AS rows";
        Set<String> scopes = new java.util.TreeSet<>();
        Fragment fragment = bindings(method, wrapped, declared, names, resolved.getParameterTypes(), scopes);
        boolean usesVendor = scopes.contains(TenantProof.VENDOR_PARAMETER);
        if (!entity().isTenanted() && (tenantWide || !scopes.isEmpty())) {
            // a shared entity's repository finds no tenant (nor vendor) to bind: its generated code would not compile
            throw new RepositoryWriter.Problem(Message.SQL_SCOPE_IN_SHARED, operation, tenantWide
                    ? "@Sql(tenantWide = true)" : String.join(" and ", scopes.stream().map(p -> ":" + p).toList()),
                    entity().name()).at(method, sql, tenantWide ? tenantWideValue : value);
        }
        if (tenantWide && usesVendor) {
            throw new RepositoryWriter.Problem(Message.SQL_TENANT_WIDE_VENDOR, operation)
                    .at(method, sql, tenantWideValue);
        }
        // a @CrossTenant statement over vendor-scoped tables without :vendor crosses vendors too: like a
        // tenant-wide one it runs only inside an explicit tenant-wide block, with the tenant-wide switch set
        boolean crossesVendors = cross != null && !usesVendor && verdict.namesVendorScoped();
        if (crossesVendors) {
            crossTenant.set(crossTenant.size() - 1, crossTenant.get(crossTenant.size() - 1)
                    + " [all vendors: runs only inside TenantContext.runTenantWide]");
        }
        VendorMode mode = tenantWide || crossesVendors ? VendorMode.TENANT_WIDE
                : usesVendor ? VendorMode.VENDOR : VendorMode.NONE;
        TenancyPass tenancy = new TenancyPass(entity(), mode != VendorMode.NONE);
        boolean stream = result != null && result.shape() == Shape.STREAM;
        Statement statement = stream ? tenancy.applyWithoutSetting(new Sql.Raw(fragment))
                : tenancy.apply(new Sql.Raw(fragment));
        String constant = repository.constant(method, statement);

        CodeBlock.Builder body = CodeBlock.builder().add(preamble(mode, operation));
        CodeBlock prepare = stream ? dao().statements().sqlWithoutSetting(CodeBlock.of("$L", constant))
                : dao().statements().sql(constant);
        if (!query) {
            body.add(dao().statements().begin("withConnection", operation, constant))
                    .beginControlFlow("try ($T statement = connection.prepareStatement($L))", Types.PREPARED_STATEMENT,
                            prepare)
                    .add(dao().binder().bind(statement, null, "null", locals))
                    .add(StatementCode.returnChanged(TypeName.get(returns).toString(),
                            StatementCode.rows(CodeBlock.of("(long) $L", dao().statements().update()))))
                    .endControlFlow()
                    .add(StatementCode.end());
            return builder.addCode(body.build()).build();
        }
        if (stream) {
            CodeBlock.Builder open = CodeBlock.builder();
            if (TenancyPass.setsTenant(entity())) {
                open.add(dao().tenant().setOnConnection(mode != VendorMode.NONE));
            }
            open.addStatement("$T statement = connection.prepareStatement($L)", Types.PREPARED_STATEMENT, prepare)
                    .add(dao().binder().bind(statement, null, "null", locals))
                    .addStatement("return statement");
            return builder.addCode(body.add(dao().statements().openStream("return ", operation, constant))
                    .add(open.build())
                    .add("$<}, rows -> $L));\n", result.read())
                    .build()).build();
        }
        body.add(dao().statements().begin("withConnection", operation, constant))
                .addStatement("$T found = new $T<>()", ParameterizedTypeName.get(Types.LIST,
                        TypeName.get(result.element()).box()), Types.ARRAY_LIST)
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))", Types.PREPARED_STATEMENT,
                        prepare)
                .add(dao().binder().bind(statement, null, "null", locals))
                .add(dao().statements().openRows())
                .beginControlFlow("while (rows.next())")
                .addStatement("found.add($L)", result.read())
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .add(StatementCode.rowsOf("found"));
        switch (result.shape()) {
            case ONE -> body.addStatement("return $T.single(found, $S)", Types.REPOSITORIES, operation);
            case OPTIONAL -> body.addStatement("return $T.optional(found, $S)", Types.REPOSITORIES, operation);
            case ARRAY -> body.addStatement("return found.toArray(new $T[0])",
                    repository.types().erasure(result.element()));
            default -> body.addStatement("return found");
        }
        return builder.addCode(body.add(StatementCode.end()).build()).build();
    }

    /**
     * The tenant preamble of a native method, with what its vendor mode needs before any SQL: a
     * tenant-wide method refuses any block but an explicit tenant-wide one (first, before the vendor
     * is asked for); a method binding {@code :vendor} requires the current vendor, also of a repository
     * whose entity is not vendor-scoped (then {@code vendor}, and {@code vendorKey} for a uuid or
     * bigint vendor column, are found here).
     */
    private CodeBlock preamble(VendorMode mode, String operation) {
        TenantCode tenant = dao().tenant();
        String name = entity().name();
        boolean own = tenant.vendorScoped();
        return switch (mode) {
            case NONE -> tenant.preamble();
            case TENANT_WIDE -> tenant.preamble(own || !TenancyPass.setsTenant(entity())
                    ? CodeBlock.of("$T.requireTenantWide($S, $S, tenant);\n", Types.TENANT_KEYS, name, operation)
                    // the vendor settings of row-level security: none, tenant-wide
                    : CodeBlock.of("String vendor = $T.requireTenantWide($S, $S, tenant);\n", Types.TENANT_KEYS, name,
                            operation));
            case VENDOR -> {
                CodeBlock.Builder code = tenant.preamble().toBuilder();
                if (own) {
                    code.addStatement("$T.vendorOfStatement($S, $S, vendor)", Types.TENANT_KEYS, name, operation);
                } else {
                    code.addStatement("String vendor = $T.vendorOfStatement($S, $S, tenant, support::requireVendor)",
                            Types.TENANT_KEYS, name, operation);
                    switch (entity().tenancy().columnType()) {
                        case TEXT -> { }
                        case UUID -> code.addStatement("$T vendorKey = $T.vendorUuid(vendor)", Types.UUID,
                                Types.TENANT_KEYS);
                        case BIGINT -> code.addStatement("Long vendorKey = $T.vendorBigint(vendor)", Types.TENANT_KEYS);
                    }
                }
                yield code.build();
            }
        };
    }

    // ---- results ------------------------------------------------------------------------------------

    private enum Shape { ONE, OPTIONAL, LIST, ARRAY, STREAM }

    /**
     * What a SELECT returns: its shape, its element type, the columns it is read through (null: the
     * statement's own first column), and the expression reading one row.
     */
    private record Result(Shape shape, TypeMirror element, List<String> columns, CodeBlock read, List<String> labels) {
        Result(Shape shape, TypeMirror element, List<String> columns, CodeBlock read) {
            this(shape, element, columns, read, null);
        }
    }

    /**
     * The labels of a SELECT's columns when the SQL tells them all (no {@code *}): an alias, or a
     * column's name; empty when it does not (then only the build-time verification can tell).
     */
    private static Optional<List<String>> selectedLabels(net.sf.jsqlparser.statement.Statement statement) {
        if (!(statement instanceof net.sf.jsqlparser.statement.select.PlainSelect select)) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>();
        for (net.sf.jsqlparser.statement.select.SelectItem<?> item : select.getSelectItems()) {
            if (item.getAlias() != null) {
                labels.add(TenantProof.normalized(item.getAlias().getName()));
            } else if (item.getExpression() instanceof net.sf.jsqlparser.schema.Column column) {
                labels.add(TenantProof.normalized(column.getColumnName()));
            } else {
                return Optional.empty();        // *, an expression without a name: PostgreSQL names it
            }
        }
        return Optional.of(labels);
    }

    private Result result(ExecutableElement method, TypeMirror returns) throws RepositoryWriter.Problem {
        String operation = repository.name(method);
        Shape shape = Shape.ONE;
        TypeMirror element = returns;
        if (returns.getKind() == TypeKind.ARRAY && ((ArrayType) returns).getComponentType().getKind() == TypeKind.DECLARED) {
            shape = Shape.ARRAY;
            element = ((ArrayType) returns).getComponentType();
        } else if (returns.getKind() == TypeKind.DECLARED) {
            String container = ((TypeElement) ((DeclaredType) returns).asElement()).getQualifiedName().toString();
            List<? extends TypeMirror> arguments = ((DeclaredType) returns).getTypeArguments();
            Optional<Shape> of = switch (container) {
                case "java.util.List" -> Optional.of(Shape.LIST);
                case "java.util.Optional" -> Optional.of(Shape.OPTIONAL);
                case "java.util.stream.Stream" -> Optional.of(Shape.STREAM);
                default -> Optional.empty();
            };
            if (of.isPresent()) {
                if (arguments.isEmpty() || arguments.get(0).getKind() != TypeKind.DECLARED) {
                    throw new RepositoryWriter.Problem(Message.QUERY_RETURN_TYPE, operation, returns, "an @Sql SELECT",
                            container.substring(container.lastIndexOf('.') + 1) + "<" + entity().name() + ">");
                }
                shape = of.get();
                element = arguments.get(0);
            }
        }
        if (element.getKind() == TypeKind.VOID) {
            throw new RepositoryWriter.Problem(Message.QUERY_RETURN_TYPE, operation, returns, "an @Sql SELECT",
                    entity().name() + ", a record, a value, or a List, Optional, array or Stream of them");
        }
        if (repository.isEntity(element)) {
            List<String> columns = entity().properties().stream()
                    .map(p -> "rows." + Identifiers.quote(p.column())).toList();
            repository.mapsEntities();
            return new Result(shape, element, columns, CodeBlock.of("map(rows)"));
        }
        if (repository.isRecord(element)) {
            TypeElement record = (TypeElement) repository.types().asElement(element);
            List<String> columns = new ArrayList<>();
            List<CodeBlock> reads = new ArrayList<>();
            int index = 1;
            for (RecordComponentElement component : record.getRecordComponents()) {
                String label = Names.snakeCase(component.getSimpleName().toString());
                columns.add("rows." + Identifiers.quote(label));
                reads.add(value(method, component.asType(), index++, label, record.getSimpleName() + "."
                        + component.getSimpleName()));
            }
            String mapper = repository.helperName("read" + String.join("_", ClassName.get(record).simpleNames()));
            repository.addHelper(mapper, () -> MethodSpec.methodBuilder(mapper)
                    .addJavadoc("The {@code $L} of the current row of {@code rows}: a column per component, by its"
                            + " label.\n", record.getSimpleName())
                    .addModifiers(javax.lang.model.element.Modifier.PRIVATE, javax.lang.model.element.Modifier.STATIC)
                    .returns(ClassName.get(record))
                    .addException(Types.SQL_EXCEPTION)
                    .addParameter(Types.RESULT_SET, "rows")
                    .addCode("return new $T(\n$>$>", ClassName.get(record))
                    .addCode(CodeBlock.join(reads, ",\n"))
                    .addCode(");\n$<$<")
                    .build());
            return new Result(shape, element, columns, CodeBlock.of("$L(rows)", mapper), columns.stream()
                    .map(c -> TenantProof.normalized(c.substring("rows.".length()))).toList());
        }
        return new Result(shape, element, null, value(method, element, 1, "1", operation));
    }

    /**
     * Reads column {@code index} as {@code type}: through the converter of an attribute of that type,
     * if the entity has one, else as a value tenantdao reads.
     */
    private CodeBlock value(ExecutableElement method, TypeMirror type, int index, String column, String what)
            throws RepositoryWriter.Problem {
        Optional<Property> converted = convertedAttribute(type);
        if (converted.isPresent()) {
            return dao().binder().readColumn(entity(), converted.get(), index, index);
        }
        ValueType valueType = EntityReader.valueType(type);
        if (valueType == null || valueType == ValueType.LIST || valueType == ValueType.ARRAY) {
            throw new RepositoryWriter.Problem(Message.QUERY_RETURN_TYPE, repository.name(method), type,
                    "a column of an @Sql result (" + what + ")", ValueType.SUPPORTED);
        }
        return JdbcCode.read(valueType, TypeName.get(type), "rows", index, entity().name(), column);
    }

    /** An attribute of the entity whose Java type is {@code type} and which has a converter. */
    private Optional<Property> convertedAttribute(TypeMirror type) {
        return entity().properties().stream()
                .filter(p -> p.mapping().converter() != null
                        && repository.types().isSameType(repository.boxed(p.type()), repository.boxed(type)))
                .findFirst();
    }

    // ---- parameters ---------------------------------------------------------------------------------

    /**
     * {@code sql} with each {@code :name} replaced by its binding: {@code :tenant} the current tenant,
     * {@code :vendor} the current vendor (each noted in {@code scopes} when used), every other the
     * method parameter of that name. The text is scanned as PostgreSQL's lexer would
     * (string literals, quoted names, comments, dollar quotes and {@code ::} casts are not parameters).
     * Every method parameter must be used.
     */
    private Fragment bindings(ExecutableElement method, String sql, List<VariableElement> declared, List<String> names,
            List<? extends TypeMirror> types, Set<String> scopes) throws RepositoryWriter.Problem {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean[] used = new boolean[declared.size()];
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int skip = TenantProof.skipQuotedOrComment(sql, i);
            if (skip > i) {
                text.append(sql, i, skip);
                i = skip;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                parts.add(text.toString());
                text.setLength(0);
                if (name.equals(TenantProof.TENANT_PARAMETER)) {
                    scopes.add(name);
                    parts.add(entity().isTenanted() && entity().tenancy().isRow() ? Parameter.tenant()
                            : Parameter.tenantSetting());
                } else if (name.equals(TenantProof.VENDOR_PARAMETER)) {
                    parts.add(Parameter.vendor());      // the current vendor, which the method requires: never null
                    scopes.add(name);
                } else {
                    int index = indexOf(declared, name);
                    if (index < 0) {
                        throw new RepositoryWriter.Problem(Message.QUERY_PARAMETER_MISSING, repository.name(method),
                                ":" + name, declared.isEmpty() ? "none" : String.join(", ", declared.stream()
                                        .map(p -> p.getSimpleName().toString()).toList()));
                    }
                    used[index] = true;
                    parts.add(binding(method, declared.get(index), names.get(index), types.get(index)));
                }
                i = end;
            } else {
                text.append(c);
                i++;
            }
        }
        parts.add(text.toString());
        for (int p = 0; p < declared.size(); p++) {
            if (declared.get(p).getSimpleName().contentEquals(TenantProof.TENANT_PARAMETER)) {
                throw new RepositoryWriter.Problem(Message.SQL_TENANT_PARAMETER, repository.name(method))
                        .at(declared.get(p), null, null);
            }
            if (declared.get(p).getSimpleName().contentEquals(TenantProof.VENDOR_PARAMETER)) {
                throw new RepositoryWriter.Problem(Message.SQL_VENDOR_PARAMETER, repository.name(method))
                        .at(declared.get(p), null, null);
            }
            if (!used[p]) {
                throw new RepositoryWriter.Problem(Message.QUERY_PARAMETER_UNUSED, declared.get(p).getSimpleName(),
                        repository.name(method)).at(declared.get(p), null, null);
            }
        }
        return new Fragment(parts);
    }

    private static int indexOf(List<VariableElement> declared, String name) {
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).getSimpleName().contentEquals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The binding of parameter {@code name}: through the converter of an attribute of its type, if the
     * entity has one; a collection or array as one SQL array ({@code = ANY(:ids)}); else by its type.
     */
    private Parameter binding(ExecutableElement method, VariableElement parameter, String local, TypeMirror type)
            throws RepositoryWriter.Problem {
        boolean array = false;
        boolean arrayParameter = false;
        TypeMirror element = type;
        if (type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() != TypeKind.BYTE) {
            array = true;
            arrayParameter = true;
            element = ((ArrayType) type).getComponentType();
        } else if (repository.isCollection(type) && !((DeclaredType) type).getTypeArguments().isEmpty()) {
            array = true;
            element = ((DeclaredType) type).getTypeArguments().get(0);
        }
        Optional<Property> converted = convertedAttribute(element);
        ValueType valueType = EntityReader.valueType(element);
        if (converted.isEmpty() && (valueType == null || array && valueType.unnestElementName() == null)) {
            throw new RepositoryWriter.Problem(Message.QUERY_PARAMETER_TYPE, parameter.getSimpleName(),
                    repository.name(method), type, "a value of its own type, which tenantdao cannot bind ("
                            + ValueType.SUPPORTED + ")").at(parameter, null, null);
        }
        ConverterModel converter = converted.map(p -> p.mapping().converter()).orElse(null);
        Property property = converted.orElse(null);
        return Parameter.query(local, converter == null ? null : property, new Parameter.Query(entity().name(), element,
                valueType, null, array, arrayParameter));
    }
}
