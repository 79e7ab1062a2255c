package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Jakarta Data's Query by Method Name: {@code find|count|exists|delete}, an optional {@code First}
 * or {@code First<n>}, {@code By}, conditions joined by {@code And}/{@code Or}, then {@code OrderBy}
 * attributes with {@code Asc}/{@code Desc}. A condition is an attribute, optionally {@code IgnoreCase}
 * and {@code Not}, then {@code Between}, {@code LessThan}, {@code LessThanEqual}, {@code GreaterThan},
 * {@code GreaterThanEqual}, {@code Like}, {@code StartsWith}, {@code EndsWith}, {@code Contains},
 * {@code In}, {@code Null}, {@code True}, {@code False}, or nothing (equals). Parameters are taken in
 * order; attribute names are matched longest first, so {@code orderNumber} is not read as {@code Or}.
 */
public final class MethodNames {

    /** The operators, longest first so {@code LessThanEqual} wins over {@code LessThan}. */
    private static final List<String> OPERATORS = List.of("GreaterThanEqual", "LessThanEqual", "GreaterThan", "LessThan",
            "StartsWith", "EndsWith", "Contains", "Between", "Like", "Null", "True", "False", "In");

    private final String name;
    private final Attributes attributes;
    private final List<Property> byLength;
    private int at;
    private int parameters;

    private MethodNames(String name, Attributes attributes) {
        this.name = name;
        this.attributes = attributes;
        this.byLength = attributes.entity().queryProperties().stream().filter(p -> !p.tenantId())
                .sorted(Comparator.comparingInt((Property p) -> p.name().length()).reversed()).toList();
    }

    /** Whether {@code method} is named like a derived query ({@code findBy...}, {@code countBy...}, ...). */
    public static boolean isDerived(String method) {
        return method.matches("(find|count|exists|delete)(First[0-9]*)?By[A-Z].*")
                || method.matches("(find|count|exists|delete)(First[0-9]*)?By");
    }

    /** The query {@code method}'s name says, on {@code attributes}' entity. */
    public static Query parse(String method, Attributes attributes) throws QueryException {
        return new MethodNames(method, attributes).query();
    }

    private Query query() throws QueryException {
        Query.Action action;
        if (eat("find")) {
            action = Query.Action.FIND;
        } else if (eat("count")) {
            action = Query.Action.COUNT;
        } else if (eat("exists")) {
            action = Query.Action.EXISTS;
        } else if (eat("delete")) {
            action = Query.Action.DELETE;
        } else {
            throw new QueryException("the name does not start with find, count, exists or delete", -1);
        }
        Integer first = null;
        if (name.startsWith("First", at)) {
            at += "First".length();
            int start = at;
            while (at < name.length() && Character.isDigit(name.charAt(at))) {
                at++;
            }
            first = start == at ? 1 : Integer.parseInt(name.substring(start, at));
            if (first < 1) {
                throw new QueryException("First" + first + " must read at least one row", -1);
            }
            if (action != Query.Action.FIND) {
                throw new QueryException("First belongs to find methods", -1);
            }
        }
        if (!eat("By")) {
            throw new QueryException("expected By after " + name.substring(0, at), -1);
        }
        Condition where = null;
        if (at < name.length() && !name.startsWith("OrderBy", at)) {
            where = disjunction();
        }
        List<Query.Ordering> order = new ArrayList<>();
        if (eat("OrderBy")) {
            if (action != Query.Action.FIND) {
                throw new QueryException("OrderBy belongs to find methods", -1);
            }
            do {
                Property property = attribute();
                boolean descending = eat("Desc");
                if (!descending) {
                    eat("Asc");
                }
                order.add(new Query.Ordering(property, descending, false));
            } while (at < name.length());
        }
        if (at < name.length()) {
            throw new QueryException("cannot read '" + name.substring(at) + "' of the name", -1);
        }
        return new Query(action, List.of(), where, order, first, List.of());
    }

    /** The number of parameters the conditions take, in order. */
    public static int parameterCount(Query query) {
        return query.parameters().size();
    }

    private Condition disjunction() throws QueryException {
        List<Condition> any = new ArrayList<>();
        any.add(conjunction());
        while (!name.startsWith("OrderBy", at) && eat("Or")) {
            any.add(conjunction());
        }
        return any.size() == 1 ? any.get(0) : new Condition.Junction("OR", any);
    }

    private Condition conjunction() throws QueryException {
        List<Condition> all = new ArrayList<>();
        all.add(condition());
        while (eat("And")) {
            all.add(condition());
        }
        return all.size() == 1 ? all.get(0) : new Condition.Junction("AND", all);
    }

    private Condition condition() throws QueryException {
        Property property = attribute();
        Expr value = new Expr.Attribute(property);
        boolean ignoreCase = eat("IgnoreCase");
        boolean negated = eat("Not");
        String operator = "";
        for (String candidate : OPERATORS) {
            if (name.startsWith(candidate, at) && ends(at + candidate.length())) {
                operator = candidate;
                at += candidate.length();
                break;
            }
        }
        ignoreCase |= eat("IgnoreCase");
        Condition condition = switch (operator) {
            case "" -> new Condition.Compare(value, negated ? "<>" : "=", parameter(), ignoreCase);
            case "LessThan" -> new Condition.Compare(value, "<", parameter(), ignoreCase);
            case "LessThanEqual" -> new Condition.Compare(value, "<=", parameter(), ignoreCase);
            case "GreaterThan" -> new Condition.Compare(value, ">", parameter(), ignoreCase);
            case "GreaterThanEqual" -> new Condition.Compare(value, ">=", parameter(), ignoreCase);
            case "Between" -> new Condition.Between(value, parameter(), parameter(), negated, ignoreCase);
            case "Like" -> new Condition.Like(value, parameter(), negated, ignoreCase, Condition.Match.PATTERN);
            case "StartsWith" -> new Condition.Like(value, parameter(), negated, ignoreCase, Condition.Match.STARTS_WITH);
            case "EndsWith" -> new Condition.Like(value, parameter(), negated, ignoreCase, Condition.Match.ENDS_WITH);
            case "Contains" -> new Condition.Like(value, parameter(), negated, ignoreCase, Condition.Match.CONTAINS);
            case "In" -> new Condition.In(value, List.of(parameter()), negated, ignoreCase);
            case "Null" -> new Condition.Null(value, negated);
            case "True" -> new Condition.Truth(value, !negated);
            case "False" -> new Condition.Truth(value, negated);
            default -> throw new IllegalStateException(operator);
        };
        if ((operator.startsWith("Less") || operator.startsWith("Greater")) && negated) {
            throw new QueryException("Not" + operator + " is not a keyword; say the opposite comparison", -1);
        }
        boolean like = operator.equals("Like") || operator.equals("StartsWith") || operator.equals("EndsWith")
                || operator.equals("Contains");
        if (like && property.valueType() != dev.tenantdao.processor.model.ValueType.STRING) {
            throw new QueryException(operator + " needs a String attribute, and " + attributes.entity().name() + "."
                    + property.name() + " is not one", -1);
        }
        if (ignoreCase && !property.valueType().equals(dev.tenantdao.processor.model.ValueType.STRING)) {
            throw new QueryException("IgnoreCase needs a String attribute, and " + attributes.entity().name()
                    + "." + property.name() + " is not one", -1);
        }
        return condition;
    }

    /** Whether a keyword ending at {@code end} ends a word: the name ends, or another capitalized word follows. */
    private boolean ends(int end) {
        return end == name.length() || Character.isUpperCase(name.charAt(end));
    }

    private Expr parameter() {
        return new Expr.Param(null, ++parameters, -1);
    }

    /** The longest attribute name written at the current position. */
    private Property attribute() throws QueryException {
        for (Property property : byLength) {
            String capitalized = written(property);
            if (name.startsWith(capitalized, at) && ends(at + capitalized.length())) {
                at += capitalized.length();
                return property;
            }
        }
        int end = at + 1;
        // a word, and the words Jakarta Data's underscore joins to it (Estimate_Amont): one path
        while (end < name.length() && (!Character.isUpperCase(name.charAt(end)) || name.charAt(end - 1) == '_')) {
            end++;
        }
        String word = at < name.length() ? name.substring(at, end) : "";
        if (word.isEmpty()) {
            throw new QueryException("expected an attribute at the end of the name", -1);
        }
        // an embedded value named as a whole, over one word or several (LateFee): said so, with its components
        for (int longest = name.length(); longest > at; longest--) {
            if (ends(longest)) {
                String words = name.substring(at, longest);
                String whole = Character.toLowerCase(words.charAt(0)) + words.substring(1);
                if (attributes.isEmbedded(whole)) {
                    attributes.require(whole, -1);
                }
            }
        }
        // the tenant (or another unknown word): as Attributes says it, the tenant named as the tenant; a
        // path named as the user wrote it (estimate.amont for Estimate_Amont)
        List<String> path = new java.util.ArrayList<>();
        for (String part : word.split("_")) {
            path.add(part.isEmpty() ? part : Character.toLowerCase(part.charAt(0)) + part.substring(1));
        }
        Property similar = attributes.require(String.join(".", path), -1);
        throw new QueryException("'" + word + "' is not written as the attribute " + similar.name() + " is ("
                + Character.toUpperCase(similar.name().charAt(0)) + similar.name().substring(1) + ")", -1);
    }

    /**
     * An attribute as a method name writes it: capitalized, a component of an embedded value with
     * Jakarta Data's underscore between the names ({@code Price_Amount} for {@code price.amount}).
     */
    private static String written(Property property) {
        StringBuilder written = new StringBuilder();
        for (String part : property.name().split("\\.")) {
            written.append(written.length() == 0 ? "" : "_").append(Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        return written.toString();
    }

    private boolean eat(String keyword) {
        if (name.startsWith(keyword, at) && ends(at + keyword.length())) {
            at += keyword.length();
            return true;
        }
        return false;
    }
}
