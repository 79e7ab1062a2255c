package dev.tenantdao.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * What an entity is: a {@link Standalone} entity, the {@link HierarchyRoot} of a {@code @Polymorphic}
 * hierarchy, or one of its {@link Subtype}s. Only the last two ({@link InHierarchy}) have a
 * {@link Hierarchy}.
 */
public sealed interface EntityKind permits EntityKind.Standalone, EntityKind.InHierarchy {

    /** An entity outside any hierarchy. */
    record Standalone() implements EntityKind {}

    /** The root or a subtype of a hierarchy. */
    sealed interface InHierarchy extends EntityKind permits HierarchyRoot, Subtype {

        Hierarchy hierarchy();
    }

    /**
     * The root of a hierarchy, or an intermediate level of it: abstract (its rows are its concrete
     * subtypes'), its DAO loads every concrete subtype below it.
     *
     * @param subtypes the model of each concrete subtype below it, in declaration order; each a
     *     {@link Subtype} of {@code hierarchy}
     * @param levels the root's intermediate levels (abstract, between it and concrete subtypes), each
     *     of this kind with {@code level} true; empty for a level
     * @param level whether this is an intermediate level (its rows are those of its subtypes' values),
     *     not the root
     */
    record HierarchyRoot(Hierarchy hierarchy, List<EntityModel> subtypes, List<EntityModel> levels, boolean level)
            implements InHierarchy {

        public HierarchyRoot {
            subtypes = List.copyOf(subtypes);
            levels = List.copyOf(levels);
            for (EntityModel subtype : subtypes) {
                if (!(subtype.kind() instanceof Subtype position) || !position.hierarchy().equals(hierarchy)) {
                    throw new IllegalArgumentException(subtype.name() + " is not a subtype of " + hierarchy.rootType());
                }
            }
        }

        /** The root of a hierarchy without intermediate levels. */
        public HierarchyRoot(Hierarchy hierarchy, List<EntityModel> subtypes) {
            this(hierarchy, subtypes, List.of(), false);
        }

        /** The kind of {@code root}, a hierarchy's root. */
        public static HierarchyRoot of(EntityModel root) {
            if (root.kind() instanceof HierarchyRoot kind) {
                return kind;
            }
            throw new IllegalArgumentException(root.name() + " is not the root of a hierarchy");
        }
    }

    /**
     * A subtype of a hierarchy. Its model has the root's properties first ({@code rootProperties}
     * of them), then its own, and names the root's table as its table.
     *
     * @param value its discriminator value
     * @param table its own table, in a joined hierarchy (and only there)
     * @param rootProperties how many of the model's properties (the first ones) are stored in the
     *     root's table: the root's, then (for a fallback) the property mapping the discriminator read-only
     * @param fallback whether rows of values no other subtype claims load as this subtype
     * @param others for a fallback, the values of the other subtypes: its rows are those of none of
     *     them; empty otherwise
     * @param levelTables in a joined hierarchy, the tables of the intermediate levels above it that map
     *     fields, root-side first: each holds the next of its properties after the root's; its own
     *     table holds the rest
     */
    record Subtype(Hierarchy hierarchy, String value, Optional<String> table, int rootProperties, boolean fallback,
            List<String> others, List<LevelTable> levelTables) implements InHierarchy {

        public Subtype {
            if (table.isPresent() != hierarchy.isJoined()) {
                throw new IllegalArgumentException("a subtype has its own table exactly in a joined hierarchy");
            }
            if (!levelTables.isEmpty() && !hierarchy.isJoined()) {
                throw new IllegalArgumentException("only a level of a joined hierarchy has a table of its own");
            }
            others = List.copyOf(others);
            levelTables = List.copyOf(levelTables);
        }

        /** A subtype without level tables above it. */
        public Subtype(Hierarchy hierarchy, String value, Optional<String> table, int rootProperties, boolean fallback,
                List<String> others) {
            this(hierarchy, value, table, rootProperties, fallback, others, List.of());
        }

        /** A subtype that is no fallback. */
        public Subtype(Hierarchy hierarchy, String value, Optional<String> table, int rootProperties) {
            this(hierarchy, value, table, rootProperties, false, List.of());
        }

        /** The kind of {@code subtype}, one of a {@link HierarchyRoot}'s subtypes. */
        public static Subtype of(EntityModel subtype) {
            if (subtype.kind() instanceof Subtype kind) {
                return kind;
            }
            throw new IllegalArgumentException(subtype.name() + " is not a subtype");
        }
    }

    /**
     * The table of an intermediate level of a joined hierarchy that maps fields, as a subtype below
     * it sees it.
     *
     * @param table its name
     * @param level the level
     * @param properties how many of the subtype's properties it holds
     */
    record LevelTable(String table, javax.lang.model.element.TypeElement level, int properties) {}

    /**
     * One table of a joined subtype's row besides the root's: a level's, or its own (the last).
     *
     * @param name the table
     * @param properties the subtype's properties it holds
     * @param own whether it is the subtype's own table
     * @param type the canonical name of the class whose fields it maps: the level, or the subtype
     */
    record JoinedTable(String name, List<Property> properties, boolean own, String type) {

        public JoinedTable {
            properties = List.copyOf(properties);
        }
    }
}
