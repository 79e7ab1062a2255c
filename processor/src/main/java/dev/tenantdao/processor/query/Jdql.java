package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Jakarta Data 1.0 query (JDQL) over one entity into a {@link Query}, at compile time:
 * every attribute is resolved, every construct checked, and an error points at the offending place
 * in the query text. Supported:
 * <ul>
 *   <li>{@code [SELECT attribute, ... | SELECT count(this) | SELECT id(this)] [FROM Entity] [WHERE ...] [ORDER BY ...]};
 *   <li>{@code UPDATE Entity SET attribute = expression, ... [WHERE ...]};
 *   <li>{@code DELETE FROM Entity [WHERE ...]};
 *   <li>conditions: {@code = <> < <= > >=}, {@code [NOT] BETWEEN}, {@code [NOT] LIKE}, {@code [NOT] IN (...)},
 *       {@code IS [NOT] NULL}, {@code NOT}, {@code AND}, {@code OR}, parentheses;
 *   <li>expressions: attributes ({@code id(this)} too), named ({@code :name}) and positional ({@code ?1})
 *       parameters, string, number and boolean literals, enum constants, {@code + - * /}, {@code ||},
 *       {@code ABS LENGTH LOWER UPPER LEFT RIGHT CONCAT}, {@code LOCAL DATE}, {@code LOCAL DATETIME},
 *       {@code LOCAL TIME}.
 * </ul>
 */
public final class Jdql {

    private static final Map<String, String> FUNCTIONS = Map.of("ABS", "abs", "LENGTH", "length", "LOWER", "lower",
            "UPPER", "upper", "LEFT", "left", "RIGHT", "right", "CONCAT", "concat");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    private final String text;
    private final Attributes attributes;
    private final List<Token> tokens;
    private int next;

    private Jdql(String text, Attributes attributes) throws QueryException {
        this.text = text;
        this.attributes = attributes;
        this.tokens = tokenize(text);
    }

    /** {@code text} as a query on {@code attributes}' entity. */
    public static Query parse(String text, Attributes attributes) throws QueryException {
        return new Jdql(text, attributes).statement();
    }

    // ---- statements --------------------------------------------------------------------------------

    private Query statement() throws QueryException {
        Query query;
        if (accept("UPDATE")) {
            entityName();
            expect("SET");
            List<Query.Assignment> set = new ArrayList<>();
            do {
                Token at = peek();
                Property property = attribute(path(), at);
                if (property.id()) {
                    throw new QueryException(attributes.entity().name() + "." + property.name() + " is the id, which an update"
                            + " cannot change", at.at);
                }
                if (property.vendorId()) {
                    throw new QueryException(attributes.entity().name() + "." + property.name() + " is the vendor"
                            + " (@VendorId), which an update never changes: a row stays its vendor's", at.at);
                }
                if (!property.updatable()) {
                    throw new QueryException(attributes.entity().name() + "." + property.name()
                            + " cannot be changed by an update (it is the version, set once, or written by the database)",
                            at.at);
                }
                expect("=");
                set.add(new Query.Assignment(property, expression()));
            } while (accept(","));
            query = new Query(Query.Action.UPDATE, List.of(), where(), List.of(), null, set);
        } else if (accept("DELETE")) {
            expect("FROM");
            entityName();
            query = new Query(Query.Action.DELETE, List.of(), where(), List.of(), null, List.of());
        } else {
            Query.Action action = Query.Action.FIND;
            List<Property> selected = new ArrayList<>();
            if (accept("SELECT")) {
                if (peekWord("COUNT")) {
                    next++;
                    expect("(");
                    expect("THIS");
                    expect(")");
                    action = Query.Action.COUNT;
                } else {
                    do {
                        Token at = peek();
                        if (peekWord("ID") && next + 1 < tokens.size() && tokens.get(next + 1).text.equals("(")) {
                            next += 2;
                            expect("THIS");
                            expect(")");
                            selected.add(attributes.entity().id());
                        } else {
                            selected.add(attribute(path(), at));
                        }
                    } while (accept(","));
                }
            }
            if (accept("FROM")) {
                entityName();
            }
            Condition where = where();
            List<Query.Ordering> order = new ArrayList<>();
            if (accept("ORDER")) {
                expect("BY");
                do {
                    Token at = peek();
                    Expr value = expression();
                    if (!(value instanceof Expr.Attribute attribute)) {
                        throw new QueryException("ORDER BY takes an attribute", at.at);
                    }
                    boolean descending = false;
                    if (accept("DESC")) {
                        descending = true;
                    } else {
                        accept("ASC");
                    }
                    order.add(new Query.Ordering(attribute.property(), descending, false));
                } while (accept(","));
            }
            query = new Query(action, selected, where, order, null, List.of());
        }
        if (next < tokens.size()) {
            throw new QueryException("Unexpected '" + peek().text + "'", peek().at);
        }
        return query;
    }

    private void entityName() throws QueryException {
        Token name = take("the entity's name");
        if (!name.isWord() || !name.text.equals(attributes.entity().name())) {
            throw new QueryException("Expected the entity " + attributes.entity().name() + ", not '" + name.text
                    + "'; a repository query works on one entity", name.at);
        }
    }

    private Condition where() throws QueryException {
        return accept("WHERE") ? condition() : null;
    }

    // ---- conditions --------------------------------------------------------------------------------

    private Condition condition() throws QueryException {
        List<Condition> any = new ArrayList<>();
        any.add(conjunction());
        while (accept("OR")) {
            any.add(conjunction());
        }
        return any.size() == 1 ? any.get(0) : new Condition.Junction("OR", any);
    }

    private Condition conjunction() throws QueryException {
        List<Condition> all = new ArrayList<>();
        all.add(negation());
        while (accept("AND")) {
            all.add(negation());
        }
        return all.size() == 1 ? all.get(0) : new Condition.Junction("AND", all);
    }

    private Condition negation() throws QueryException {
        if (accept("NOT")) {
            return new Condition.Not(negation());
        }
        if (peekIs("(")) {
            int start = next;
            try {
                next++;
                Condition grouped = condition();
                expect(")");
                return grouped;
            } catch (QueryException notACondition) {
                next = start;   // a parenthesized expression: (a + b) > c
            }
        }
        return predicate();
    }

    private Condition predicate() throws QueryException {
        Expr left = expression();
        Token at = peek();
        if (accept("IS")) {
            boolean negated = accept("NOT");
            expect("NULL");
            return new Condition.Null(left, negated);
        }
        boolean negated = accept("NOT");
        if (accept("BETWEEN")) {
            Expr low = expression();
            expect("AND");
            Expr high = expression();
            checkComparable(left, low, at);
            checkComparable(left, high, at);
            return new Condition.Between(left, low, high, negated);
        }
        if (accept("LIKE")) {
            Token patternAt = peek();
            Expr pattern = expression();
            if (pattern instanceof Expr.Literal literal && !literal.sql().startsWith("'")) {
                throw new QueryException("LIKE takes a string pattern", patternAt.at);
            }
            if (left instanceof Expr.Attribute attribute
                    && attribute.property().valueType() != dev.tenantdao.processor.model.ValueType.STRING) {
                throw new QueryException("LIKE needs a String, and " + attributes.entity().name() + "."
                        + attribute.property().name() + " is not one", at.at);
            }
            return new Condition.Like(left, pattern, negated, false, Condition.Match.PATTERN);
        }
        if (accept("IN")) {
            expect("(");
            List<Expr> items = new ArrayList<>();
            do {
                Token itemAt = peek();
                Expr item = expression();
                checkComparable(left, item, itemAt);
                items.add(item);
            } while (accept(","));
            expect(")");
            return new Condition.In(left, items, negated);
        }
        if (negated) {
            throw new QueryException("Expected BETWEEN, LIKE or IN after NOT", peek().at);
        }
        Token operator = take("a comparison");
        if (!COMPARISONS.contains(operator.text)) {
            throw new QueryException("Expected a comparison (=, <>, <, <=, >, >=), IS, BETWEEN, LIKE or IN, not '"
                    + operator.text + "'", operator.at);
        }
        Token rightAt = peek();
        Expr right = expression();
        checkComparable(left, right, rightAt);
        return new Condition.Compare(left, operator.text.equals("!=") ? "<>" : operator.text, right, false);
    }

    /** An enum constant compared with an enum attribute must be one of its constants. */
    private void checkComparable(Expr left, Expr right, Token at) throws QueryException {
        if (left instanceof Expr.Attribute attribute && right instanceof Expr.EnumConstant constant) {
            List<String> constants = enumConstants(attribute.property());
            if (constants.isEmpty()) {
                throw new QueryException(attributes.entity().name() + "." + attribute.property().name()
                        + " is not an enum; " + constant.name() + " cannot be compared with it", at.at);
            }
            if (!constants.contains(constant.name())) {
                throw new QueryException(constant.name() + " is not a constant of the type of "
                        + attributes.entity().name() + "." + attribute.property().name() + " (" + String.join(", ",
                                constants) + ")", at.at);
            }
        }
    }

    private static List<String> enumConstants(Property property) {
        if (!(property.type() instanceof javax.lang.model.type.DeclaredType declared)
                || declared.asElement().getKind() != javax.lang.model.element.ElementKind.ENUM) {
            return List.of();
        }
        return declared.asElement().getEnclosedElements().stream()
                .filter(e -> e.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT)
                .map(e -> e.getSimpleName().toString()).toList();
    }

    // ---- expressions -------------------------------------------------------------------------------

    private Expr expression() throws QueryException {
        Expr left = term();
        while (peekIs("+") || peekIs("-") || peekIs("||")) {
            String operator = tokens.get(next++).text;
            left = new Expr.Arithmetic(left, operator, term());
        }
        return left;
    }

    private Expr term() throws QueryException {
        Expr left = factor();
        while (peekIs("*") || peekIs("/")) {
            String operator = tokens.get(next++).text;
            left = new Expr.Arithmetic(left, operator, factor());
        }
        return left;
    }

    private Expr factor() throws QueryException {
        if (accept("-")) {
            return new Expr.Negative(factor());
        }
        return primary();
    }

    private Expr primary() throws QueryException {
        Token token = take("an expression");
        if (token.kind == Kind.STRING) {
            return new Expr.Literal(stringLiteral(token.text));
        }
        if (token.kind == Kind.NUMBER) {
            return new Expr.Literal(token.text);
        }
        if (token.kind == Kind.NAMED) {
            return new Expr.Param(token.text, 0, token.at);
        }
        if (token.kind == Kind.POSITIONAL) {
            return new Expr.Param(null, Integer.parseInt(token.text), token.at);
        }
        if (token.text.equals("(")) {
            Expr inner = expression();
            expect(")");
            return inner;
        }
        if (!token.isWord()) {
            throw new QueryException("Expected an expression, not '" + token.text + "'", token.at);
        }
        String upper = token.text.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE") || upper.equals("NULL")) {
            return new Expr.Literal(upper);
        }
        if (upper.equals("LOCAL")) {
            Token which = take("DATE, DATETIME or TIME");
            return switch (which.text.toUpperCase(Locale.ROOT)) {
                case "DATE" -> new Expr.Now("CURRENT_DATE");
                case "DATETIME" -> new Expr.Now("LOCALTIMESTAMP");
                case "TIME" -> new Expr.Now("LOCALTIME");
                default -> throw new QueryException("Expected LOCAL DATE, LOCAL DATETIME or LOCAL TIME", which.at);
            };
        }
        if (upper.equals("ID") && peekIs("(")) {
            next++;
            expect("THIS");
            expect(")");
            return new Expr.Attribute(attributes.entity().id());
        }
        if (FUNCTIONS.containsKey(upper) && peekIs("(")) {
            next++;
            List<Expr> arguments = new ArrayList<>();
            if (!peekIs(")")) {
                do {
                    arguments.add(expression());
                } while (accept(","));
            }
            expect(")");
            int arity = upper.equals("LEFT") || upper.equals("RIGHT") ? 2 : upper.equals("CONCAT") ? -1 : 1;
            if (arity >= 0 && arguments.size() != arity || arity < 0 && arguments.size() < 2) {
                throw new QueryException(upper + " takes " + (arity < 0 ? "two or more arguments" : arity
                        + (arity == 1 ? " argument" : " arguments")) + ", not " + arguments.size(), token.at);
            }
            return new Expr.Call(FUNCTIONS.get(upper), arguments);
        }
        next--;
        return pathExpression();
    }

    /**
     * A string literal as SQL: quotes doubled, and the markers the runtime replaces in a statement's
     * text ({@code {schema}}, {@code /*order*}{@code /}) split by a concatenation PostgreSQL folds when it
     * plans, so a literal holding one is never rewritten.
     */
    static String stringLiteral(String value) {
        String quoted = "'" + value.replace("'", "''") + "'";
        for (String marker : List.of(dev.tenantdao.annotations.internal.Wire.SCHEMA_PLACEHOLDER,
                dev.tenantdao.annotations.internal.Wire.ORDER_PLACEHOLDER)) {
            quoted = quoted.replace(marker, marker.charAt(0) + "' || '" + marker.substring(1));
        }
        return quoted.equals("'" + value.replace("'", "''") + "'") ? quoted : "(" + quoted + ")";
    }

    /** An attribute, or a qualified enum constant ({@code Status.PAID}, {@code com.example.Status.PAID}). */
    private Expr pathExpression() throws QueryException {
        Token first = peek();
        List<String> path = path();
        // Status.PAID is an enum constant, status.x a path: attributes are named exactly as declared
        if (path.size() == 1 || attributes.findExactly(path.get(0)).isPresent() || attributes.isEmbedded(path.get(0))) {
            return new Expr.Attribute(attribute(path, first));
        }
        return new Expr.EnumConstant(path.get(path.size() - 1));
    }

    private List<String> path() throws QueryException {
        List<String> path = new ArrayList<>();
        Token token = take("an attribute");
        if (!token.isWord()) {
            throw new QueryException("Expected an attribute, not '" + token.text + "'", token.at);
        }
        path.add(token.text);
        while (peekIs(".")) {
            next++;
            Token part = take("a name after '.'");
            path.add(part.text);
        }
        return path;
    }

    private Property attribute(List<String> path, Token at) throws QueryException {
        if (path.size() == 2 && attributes.isEmbedded(path.get(0))) {
            // a component of an embedded value: price.amount, one column
            return attributes.require(String.join(".", path), at.at);
        }
        if (path.size() > 1) {
            throw new QueryException("'" + String.join(".", path) + "' is not an attribute of "
                    + attributes.entity().name() + "; embedded and related entities are not supported", at.at);
        }
        return attributes.require(path.get(0), at.at);
    }

    // ---- tokens ------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, NUMBER, NAMED, POSITIONAL, SYMBOL }

    private record Token(Kind kind, String text, int at) {
        boolean isWord() {
            return kind == Kind.WORD;
        }
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : new Token(Kind.SYMBOL, "the end of the query", text.length());
    }

    private boolean peekIs(String symbol) {
        return next < tokens.size() && tokens.get(next).kind == Kind.SYMBOL && tokens.get(next).text.equals(symbol);
    }

    private boolean peekWord(String keyword) {
        return next < tokens.size() && tokens.get(next).isWord() && tokens.get(next).text.equalsIgnoreCase(keyword);
    }

    private boolean accept(String expected) {
        if (peekWord(expected) || peekIs(expected)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String expected) throws QueryException {
        if (!accept(expected)) {
            throw new QueryException("Expected " + expected + ", not '" + peek().text + "'", peek().at);
        }
    }

    private Token take(String what) throws QueryException {
        if (next >= tokens.size()) {
            throw new QueryException("Expected " + what + " at the end of the query", text.length());
        }
        return tokens.get(next++);
    }

    private static List<Token> tokenize(String text) throws QueryException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new QueryException("Unterminated string literal", start);
                    }
                    if (text.charAt(i) == '\'') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(text.charAt(i++));
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == ':' || c == '?') {
                int start = i++;
                int from = i;
                while (i < text.length() && (c == ':' ? Character.isJavaIdentifierPart(text.charAt(i))
                        : Character.isDigit(text.charAt(i)))) {
                    i++;
                }
                if (i == from || c == '?' && Integer.parseInt(text.substring(from, i)) < 1) {
                    throw new QueryException(c == ':' ? "Expected a parameter name after ':'"
                            : "Expected a parameter position (1, 2, ...) after '?'", start);
                }
                tokens.add(new Token(c == ':' ? Kind.NAMED : Kind.POSITIONAL, text.substring(from, i), start));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("||")) {
                    tokens.add(new Token(Kind.SYMBOL, two, i));
                    i += 2;
                } else if ("=<>()+-*/,.".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    throw new QueryException("Unexpected character '" + c + "'", i);
                }
            }
        }
        return tokens;
    }
}
