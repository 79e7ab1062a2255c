package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.SqlBuilder;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a repository {@link Query} into a statement of the statement model, built by the entity's
 * {@link SqlBuilder} like every statement of its DAO (the same rows: a subtype's discriminator, a
 * joined subtype's tables; the same audited writes), then through the same {@link TenancyPass}: a
 * repository query is confined to the tenant by the code that confines the DAO's statements.
 */
public final class QuerySql {

    /** How a query's parameters are bound; checks each use against the parameter's type. */
    public interface Parameters {
        enum Use { VALUE, ARRAY, LIKE }

        /** The binding of {@code param}, used as {@code use} (against {@code context}'s column, if not null). */
        Parameter resolve(Expr.Param param, Property context, Use use, Condition.Match match) throws QueryException;
    }

    /**
     * How a find method reads a part of its rows.
     *
     * @param limit the binding of the most rows to read, or null
     * @param offset the binding of the rows to skip, or null
     * @param dynamicOrder whether sort criteria come at run time ({@code Wire.ORDER_PLACEHOLDER})
     */
    public record Paging(Parameter limit, Parameter offset, boolean dynamicOrder, List<Parameter> after,
            boolean backwards) {
        public static final Paging NONE = new Paging(null, null, false);

        public Paging {
            after = List.copyOf(after);
        }

        public Paging(Parameter limit, Parameter offset, boolean dynamicOrder) {
            this(limit, offset, dynamicOrder, List.of(), false);
        }

        /**
         * Keyset paging: the rows after (or, {@code backwards}, before) the cursor whose keys are
         * bound by {@code after}, one per attribute of the order.
         */
        public static Paging cursor(Parameter limit, Parameter offset, List<Parameter> after, boolean backwards) {
            return new Paging(limit, offset, false, after, backwards);
        }
    }

    private final EntityModel entity;
    private final SqlBuilder builder;
    private final TenancyPass tenancy;
    private final Parameters parameters;

    public QuerySql(EntityModel entity, Parameters parameters) {
        this.entity = entity;
        this.builder = new SqlBuilder(entity);
        this.tenancy = new TenancyPass(entity);
        this.parameters = parameters;
    }

    /** {@code query} as the statement a repository method runs, confined to the tenant. */
    public Statement statement(Query query, Paging paging) throws QueryException {
        return tenancy.apply(build(query, paging));
    }

    /**
     * {@code query} confined to the tenant without the row-level-security setting in front: for a
     * stream, whose transaction sets the tenant once (a server-side cursor needs a single statement).
     */
    public Statement streamed(Query query, Paging paging) throws QueryException {
        return tenancy.applyWithoutSetting(build(query, paging));
    }

    /**
     * {@code query} across tenants (a repository method's {@code @AcrossTenants}): through the tenancy pass in
     * operator mode, the one place a statement goes without the tenant predicate, each row's tenant selected last.
     * A find is in tenant order, then the query's own order, then the id (with sort criteria given at run time,
     * its order is {@link #acrossTenantsOrderList}'s); read by {@code paging}'s limit and offset, if given. A count
     * counts each tenant's rows, for the tenants that have any, in tenant order ({@code GROUP BY} the tenant).
     */
    public Statement acrossTenants(Query query, Paging paging) throws QueryException {
        TenancyPass across = TenancyPass.acrossTenants(entity);
        String tenant = builder.tenantColumn();
        if (query.action() == Query.Action.COUNT) {
            Sql.Select counted = (Sql.Select) build(query, Paging.NONE);
            return across.apply(counted.tail(Fragment.sql(" GROUP BY " + tenant + " ORDER BY " + tenant)));
        }
        if (!paging.dynamicOrder() && query.order().stream().noneMatch(o -> o.property().id())) {
            query = query.withOrder(List.of(new Query.Ordering(entity.id(), false, false)));
        }
        return across.apply(build(query, paging, tenant));
    }

    /**
     * Across tenants, what the runtime puts after sort criteria given at run time: the id, so that the order is
     * total (a {@code @VendorScoped} entity's table is unique on its tenant and id too, for tenant-wide work).
     */
    public String acrossTenantsLastKeys() {
        return column(entity.id());
    }

    /** Each tenant's count of the rows {@code query} finds, across tenants (for a page's total). */
    public Statement acrossTenantsCount(Query query) throws QueryException {
        return acrossTenants(countOf(query), Paging.NONE);
    }

    /**
     * The ORDER BY list across tenants in front of sort criteria given at run time: the tenant, then {@code order}
     * (the runtime adds the criteria, then the id).
     */
    public String acrossTenantsOrderList(List<Query.Ordering> order) {
        String list = orderList(order);
        return builder.tenantColumn() + (list.isEmpty() ? "" : ", " + list);
    }

    /** The count of the rows {@code query} finds (for a page's total). */
    public Statement count(Query query) throws QueryException {
        return statement(countOf(query), Paging.NONE);
    }

    /** The count of the rows {@code query} finds, as a query. */
    private static Query countOf(Query query) {
        return new Query(Query.Action.COUNT, List.of(), query.where(), List.of(), null, List.of());
    }

    /** The ORDER BY list of {@code order}, as the runtime puts it in front of sort criteria given at run time. */
    public String orderList(List<Query.Ordering> order) {
        List<String> items = new ArrayList<>();
        for (Query.Ordering ordering : order) {
            String column = builder.column(ordering.property());
            items.add((ordering.ignoreCase() ? "lower(" + column + ")" : column) + (ordering.descending() ? " DESC" : ""));
        }
        return String.join(", ", items);
    }

    /** The column of {@code property} as the entity's queries name it. */
    public String column(Property property) {
        return builder.column(property);
    }

    private Sql build(Query query, Paging paging) throws QueryException {
        return build(query, paging, null);
    }

    /** {@code query} as a statement, ordered by {@code firstOrder} (a column) before the query's order, if given. */
    private Sql build(Query query, Paging paging, String firstOrder) throws QueryException {
        List<Fragment> where = new ArrayList<>();
        if (query.where() != null) {
            where.add(condition(query.where(), true));
        }
        switch (query.action()) {
            case COUNT:
                return builder.selectOf(List.of(Fragment.sql("count(*)")), where);
            case EXISTS:
                return Sql.Select.of(List.of(Fragment.of("EXISTS (", builder.selectOf(List.of(Fragment.sql("1")), where),
                        ")")), null);
            case DELETE:
                return builder.deleteWhere(lockedInIdOrder(query, where));
            case UPDATE:
                List<Property> written = new ArrayList<>();
                List<Fragment> values = new ArrayList<>();
                for (Query.Assignment assignment : query.set()) {
                    written.add(assignment.property());
                    values.add(expr(assignment.value(), assignment.property()));
                }
                return builder.updateWhere(written, values, lockedInIdOrder(query, where));
            default:
                break;
        }
        if (!paging.after().isEmpty()) {
            List<Key> keys = new ArrayList<>();
            List<Fragment> values = new ArrayList<>();
            int next = 0;
            if (firstOrder != null) {
                // across tenants, the tenant is the first key, its text compared as the column's type
                keys.add(new Key(firstOrder, false));
                values.add(builder.tenantKey(paging.after().get(next++)));
            }
            for (Query.Ordering ordering : query.order()) {
                keys.add(new Key(builder.column(ordering.property()), ordering.descending()));
                values.add(Fragment.bind(paging.after().get(next++)));
            }
            where.add(keyset(keys, values, paging.backwards()));
        }
        List<Query.Ordering> ordering = !paging.backwards() ? query.order() : query.order().stream()
                .map(o -> new Query.Ordering(o.property(), !o.descending(), o.ignoreCase())).toList();
        if (firstOrder != null && paging.backwards()) {
            firstOrder = firstOrder + " DESC";
        }
        List<Fragment> columns = query.selected().isEmpty() ? null
                : query.selected().stream().map(p -> Fragment.sql(builder.column(p))).toList();
        Sql.Select select = columns == null ? builder.selectOf(null, where) : builder.selectOf(columns, where);
        Fragment tail = Fragment.sql("");
        String order = orderList(ordering);
        if (firstOrder != null) {
            order = order.isEmpty() ? firstOrder : firstOrder + ", " + order;
        }
        if (paging.dynamicOrder()) {
            tail = Fragment.sql(" " + dev.tenantdao.annotations.internal.Wire.ORDER_PLACEHOLDER);
        } else if (!order.isEmpty()) {
            tail = Fragment.sql(" ORDER BY " + order);
        }
        if (query.first() != null) {
            tail = tail.append(" LIMIT " + query.first());
        } else if (paging.limit() != null) {
            tail = tail.append(" LIMIT ", paging.limit());
        }
        if (paging.offset() != null) {
            tail = tail.append(" OFFSET ", paging.offset());
        }
        return select.tail(tail);
    }

    /**
     * The condition of a bulk update or delete: its rows, locked in id order first ({@code id IN
     * (SELECT id ... ORDER BY id FOR UPDATE)}), so that bulk statements running at once over the same
     * rows wait for each other instead of deadlocking (each would otherwise lock rows in the order its
     * plan meets them). A statement on one row (its id equal to a value) needs no order.
     */
    private List<Fragment> lockedInIdOrder(Query query, List<Fragment> where) {
        if (pinsTheId(query.where())) {
            return where;
        }
        String id = builder.column(entity.id());
        Sql.Select rows = builder.selectOf(List.of(Fragment.sql(id)), where)
                .tail(Fragment.sql(" ORDER BY " + id + " FOR UPDATE"));
        return List.of(Fragment.of(id + " IN (", rows, ")"));
    }

    /** Whether {@code condition} holds for one id at most: {@code id = value}, alone or AND-ed with more. */
    private boolean pinsTheId(Condition condition) {
        if (condition instanceof Condition.Compare compare && compare.operator().equals("=") && !compare.ignoreCase()) {
            return compare.left() instanceof Expr.Attribute left && left.property().id()
                    || compare.right() instanceof Expr.Attribute right && right.property().id();
        }
        return condition instanceof Condition.Junction junction && junction.operator().equals("AND")
                && junction.conditions().stream().anyMatch(this::pinsTheId);
    }

    /**
     * The keyset condition of a cursored page: the rows after the cursor's {@code keys} in {@code
     * order} (before them, {@code backwards}). One direction throughout is a row comparison, {@code
     * (a, id) > (?, ?)}, which PostgreSQL answers with a range scan of an index on those columns after
     * the tenant's; mixed directions spell out the same order: {@code a > ? OR (a = ? AND id < ?)}.
     */
    private Fragment keyset(List<Key> order, List<Fragment> values, boolean backwards) {
        boolean uniform = order.stream().allMatch(o -> o.descending() == order.get(0).descending());
        if (uniform) {
            String operator = order.get(0).descending() == backwards ? " > " : " < ";
            List<Fragment> columns = order.stream().map(o -> Fragment.sql(o.column())).toList();
            return Fragment.of("(").append(Fragment.join(", ", columns), ")" + operator + "(",
                    Fragment.join(", ", values), ")");
        }
        List<Fragment> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            List<Fragment> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                all.add(Fragment.sql(order.get(j).column() + " = ").append(values.get(j)));
            }
            String operator = order.get(i).descending() == backwards ? " > " : " < ";
            all.add(Fragment.sql(order.get(i).column() + operator).append(values.get(i)));
            alternatives.add(Fragment.of("(").append(Fragment.join(" AND ", all), ")"));
        }
        return Fragment.of("(").append(Fragment.join(" OR ", alternatives), ")");
    }

    /** A key of a cursor's order: a column (the tenant's, an attribute's), descending or not. */
    private record Key(String column, boolean descending) {}

    // ---- conditions --------------------------------------------------------------------------------

    /** {@code condition} as SQL; a junction is parenthesized, so the tenant predicate in front of it binds to all of it. */
    private Fragment condition(Condition condition, boolean top) throws QueryException {
        if (condition instanceof Condition.Compare compare) {
            Property context = attributeOf(compare.left(), compare.right());
            Fragment left = expr(compare.left(), context);
            Fragment right = expr(compare.right(), context);
            if (compare.ignoreCase()) {
                return Fragment.of("lower(").append(left, ") " + compare.operator() + " lower(", right, ")");
            }
            return left.append(" " + compare.operator() + " ", right);
        } else if (condition instanceof Condition.Between between) {
            Property context = attributeOf(between.value(), between.low());
            if (between.ignoreCase()) {
                return Fragment.of("lower(").append(expr(between.value(), context), between.negated()
                        ? ") NOT BETWEEN lower(" : ") BETWEEN lower(", expr(between.low(), context), ") AND lower(",
                        expr(between.high(), context), ")");
            }
            return expr(between.value(), context).append(between.negated() ? " NOT BETWEEN " : " BETWEEN ",
                    expr(between.low(), context), " AND ", expr(between.high(), context));
        } else if (condition instanceof Condition.Like like) {
            Fragment value = expr(like.value(), null);
            Fragment pattern = like.pattern() instanceof Expr.Param param
                    ? Fragment.bind(parameters.resolve(param, null, Parameters.Use.LIKE, like.match()))
                    : expr(like.pattern(), null);
            String operator = like.negated() ? " NOT LIKE " : " LIKE ";
            return like.ignoreCase()
                    ? Fragment.of("lower(").append(value, ")" + operator + "lower(", pattern, ")")
                    : value.append(operator, pattern);
        } else if (condition instanceof Condition.In in) {
            Property context = attributeOf(in.value(), null);
            Fragment value = expr(in.value(), context);
            if (in.items().size() == 1 && in.items().get(0) instanceof Expr.Param param) {
                Parameter array = parameters.resolve(param, context, Parameters.Use.ARRAY, null);
                if (array.query().array()) {
                    Fragment type = context != null ? SqlBuilder.castArrayType(context)
                            : Fragment.sql(array.argumentType().sqlType() + "[]");
                    Fragment any = in.ignoreCase()
                            ? Fragment.of("lower(").append(value, ") = ANY(SELECT lower(element) FROM unnest(CAST(",
                                    array, " AS ", type, ")) AS element)")
                            : value.append(" = ANY(CAST(", array, " AS ", type, "))");
                    return in.negated() ? Fragment.of("NOT (").append(any, ")") : any;
                }
                return value.append(in.negated() ? " <> " : " = ", array);
            }
            List<Fragment> items = new ArrayList<>();
            for (Expr item : in.items()) {
                items.add(expr(item, context));
            }
            return value.append(in.negated() ? " NOT IN (" : " IN (", Fragment.join(", ", items), ")");
        } else if (condition instanceof Condition.Null isNull) {
            return expr(isNull.value(), null).append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Condition.Truth truth) {
            return expr(truth.value(), null).append(truth.expected() ? " = TRUE" : " = FALSE");
        } else if (condition instanceof Condition.Not not) {
            return Fragment.of("NOT (").append(condition(not.condition(), false), ")");
        }
        Condition.Junction junction = (Condition.Junction) condition;
        List<Fragment> parts = new ArrayList<>();
        for (Condition part : junction.conditions()) {
            parts.add(condition(part, false));
        }
        return Fragment.of("(").append(Fragment.join(" " + junction.operator() + " ", parts), ")");
    }

    /** The attribute one side of a comparison names, which a parameter on the other side is bound as. */
    private static Property attributeOf(Expr one, Expr other) {
        if (one instanceof Expr.Attribute attribute) {
            return attribute.property();
        }
        return other instanceof Expr.Attribute attribute ? attribute.property() : null;
    }

    private Fragment expr(Expr expr, Property context) throws QueryException {
        if (expr instanceof Expr.Attribute attribute) {
            return Fragment.sql(builder.column(attribute.property()));
        } else if (expr instanceof Expr.Param param) {
            return Fragment.bind(parameters.resolve(param, context, Parameters.Use.VALUE, null));
        } else if (expr instanceof Expr.Literal literal) {
            return Fragment.sql(literal.sql());
        } else if (expr instanceof Expr.EnumConstant constant) {
            return Fragment.sql(SqlBuilder.literal(constant.name()));
        } else if (expr instanceof Expr.Arithmetic arithmetic) {
            Property inner = attributeOf(arithmetic.left(), arithmetic.right());
            Property numeric = inner != null && inner.valueType() != null && inner.valueType() != ValueType.STRING
                    && arithmetic.operator().matches("[-+*/]") ? inner : null;
            return Fragment.of("(").append(expr(arithmetic.left(), numeric), " " + arithmetic.operator() + " ",
                    expr(arithmetic.right(), numeric), ")");
        } else if (expr instanceof Expr.Negative negative) {
            return Fragment.of("-").append(expr(negative.operand(), context));
        } else if (expr instanceof Expr.Call call) {
            List<Fragment> arguments = new ArrayList<>();
            for (Expr argument : call.arguments()) {
                arguments.add(expr(argument, null));
            }
            return Fragment.of(call.function() + "(").append(Fragment.join(", ", arguments), ")");
        }
        return Fragment.sql(((Expr.Now) expr).sql());
    }
}
