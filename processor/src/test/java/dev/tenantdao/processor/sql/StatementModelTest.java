package dev.tenantdao.processor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Audit;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Hierarchy;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Mapping;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.sql.Parameter.Source;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Renderer;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.model.TableRef;
import dev.tenantdao.processor.sql.pass.AuditPass;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The statement model, its renderer and the two passes, without compiling anything: the exact SQL
 * and bindings of every statement kind for every strategy (row with and without row-level
 * security, schema, database, shared), audited and not, for a hierarchy's root and its subtypes.
 */
class StatementModelTest {

    // ---- fixtures: entities built by hand, as the reader would build them -------------------------------

    private static Property property(String name, ValueType type, boolean id) {
        return new Property(null, name, name, null, type, id, false, false, false, !id, false, Access.method(name),
                Access.method(name), null, Mapping.PLAIN);
    }

    private static final Property ID = property("id", ValueType.PRIMITIVE_LONG, true);
    private static final Property TITLE = property("title", ValueType.STRING, false);

    private static Tenancy tenancy(Tenanted.Strategy strategy, boolean rls) {
        return new Tenancy(strategy, "tenant_id", Tenanted.ColumnType.TEXT, rls, null, null);
    }

    private static EntityModel note(Tenancy tenancy, boolean audited) {
        return new EntityModel(null, ClassName.get("t", "Note"), "note", true, tenancy, List.of(ID, TITLE),
                Construction.constructor(List.of("id", "title")), Hooks.NONE,
                audited ? new Audit("note_history", List.of(), null) : null, new EntityKind.Standalone());
    }

    private static final EntityModel ROW = note(tenancy(Tenanted.Strategy.ROW, false), false);
    private static final EntityModel ROW_RLS = note(tenancy(Tenanted.Strategy.ROW, true), false);
    private static final EntityModel SCHEMA = note(tenancy(Tenanted.Strategy.SCHEMA, false), false);
    private static final EntityModel DATABASE = note(tenancy(Tenanted.Strategy.DATABASE, false), false);
    private static final EntityModel SHARED = note(null, false);
    private static final EntityModel AUDITED = note(tenancy(Tenanted.Strategy.ROW, false), true);

    private static List<Source> sources(Statement statement) {
        return statement.parameters().stream().map(Parameter::source).toList();
    }

    // ---- the renderer ---------------------------------------------------------------------------------

    @Nested
    class RendererTest {
        @Test
        void rendersEveryNodeWithItsBindingsInTextOrder() {
            Sql.Select select = Sql.Select.of(List.of(Fragment.sql("a"), Fragment.sql("b")), TableRef.table("note"))
                    .join(new Sql.Join("LEFT JOIN", TableRef.table("part").as("p"), List.of(Fragment.sql("p.id = note.id"))))
                    .where(Fragment.of("a = ", Parameter.limit()))
                    .tail(Fragment.of(" LIMIT ", Parameter.offset()));
            Statement rendered = Renderer.render(select);
            assertEquals("SELECT a, b FROM note LEFT JOIN part p ON p.id = note.id WHERE a = ? LIMIT ?", rendered.sql());
            assertEquals(List.of(Source.LIMIT, Source.OFFSET), sources(rendered));
        }

        @Test
        void quotesNamesThatNeedItAndNeverCteNames() {
            assertEquals("SELECT 1 FROM \"order\"", Renderer.render(Sql.Select.of(List.of(Fragment.sql("1")),
                    TableRef.table("order"))).sql());
            assertEquals("SELECT 1 FROM changed", Renderer.render(Sql.Select.of(List.of(Fragment.sql("1")),
                    TableRef.cte("changed"))).sql());
        }

        @Test
        void aSubqueryInsideAFragmentIsRenderedInPlace() {
            Sql inner = Sql.Select.of(List.of(Fragment.sql("1")), TableRef.table("note"))
                    .where(Fragment.of("id = ", Parameter.limit()));
            Statement rendered = Renderer.render(Sql.Select.of(List.of(Fragment.of("EXISTS (", inner, ")")), null));
            assertEquals("SELECT EXISTS (SELECT 1 FROM note WHERE id = ?)", rendered.sql());
            assertEquals(List.of(Source.LIMIT), sources(rendered));
        }
    }

    // ---- the tenancy pass -------------------------------------------------------------------------

    @Nested
    class TenancyPassTest {
        private final Sql findById = Sql.Select.of(List.of(Fragment.sql("id"), Fragment.sql("title")),
                TableRef.table("note")).where(Fragment.of("id = ", Parameter.idArgument(ID)));

        @Test
        void rowPutsTheTenantPredicateFirstInEveryWhere() {
            Statement statement = new TenancyPass(ROW).apply(findById);
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND id = ?", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.ID_ARGUMENT), sources(statement));
        }

        @Test
        void rowLevelSecuritySetsTheTenantInFrontOfTheStatement() {
            Statement statement = new TenancyPass(ROW_RLS).apply(findById);
            assertEquals("SELECT set_config('tenantdao.tenant', ?, true); SELECT id, title FROM note"
                    + " WHERE tenant_id = ? AND id = ?", statement.sql());
            assertEquals(List.of(Source.TENANT_SETTING, Source.TENANT, Source.ID_ARGUMENT), sources(statement));
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND id = ?",
                    new TenancyPass(ROW_RLS).applyWithoutSetting(findById).sql(), "a batch's statements: no setting");
        }

        @Test
        void schemaNamesEveryEntityTableInTheTenantsSchemaAndAddsNoPredicate() {
            Statement statement = new TenancyPass(SCHEMA).apply(findById);
            assertEquals("SELECT id, title FROM {schema}.note WHERE id = ?", statement.sql());
            assertEquals(List.of(Source.ID_ARGUMENT), sources(statement));
        }

        @Test
        void databaseAndSharedLeaveTheStatementAsItIs() {
            assertEquals("SELECT id, title FROM note WHERE id = ?", new TenancyPass(DATABASE).apply(findById).sql());
            assertEquals("SELECT id, title FROM note WHERE id = ?", new TenancyPass(SHARED).apply(findById).sql());
        }

        @Test
        void everyJoinAndEverySubqueryIsConfinedButNeverACte() {
            Sql inner = Sql.Select.of(List.of(Fragment.sql("1")), TableRef.table("part").qualified("part."))
                    .where(Fragment.sql("part.id = note.id"));
            Sql select = Sql.Select.of(List.of(Fragment.sql("note.id")), TableRef.table("note").qualified("note."))
                    .join(new Sql.Join("JOIN", TableRef.table("part").qualified("part."), List.of(Fragment.sql("part.id = note.id"))))
                    .join(new Sql.Join("JOIN", TableRef.cte("input"), List.of(Fragment.sql("input.k = note.id"))))
                    .where(Fragment.of("EXISTS (", inner, ")"));
            Statement statement = new TenancyPass(ROW).apply(select);
            assertEquals("SELECT note.id FROM note JOIN part ON part.tenant_id = ? AND part.id = note.id"
                    + " JOIN input ON input.k = note.id WHERE note.tenant_id = ? AND EXISTS (SELECT 1 FROM part"
                    + " WHERE part.tenant_id = ? AND part.id = note.id)", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.TENANT, Source.TENANT), sources(statement));
            assertEquals("SELECT note.id FROM {schema}.note JOIN {schema}.part ON part.id = note.id JOIN input"
                    + " ON input.k = note.id WHERE EXISTS (SELECT 1 FROM {schema}.part WHERE part.id = note.id)",
                    new TenancyPass(SCHEMA).apply(select).sql());
        }

        @Test
        void anInsertGetsTheCurrentTenantOrCopiesItsSourceRowsAndAConflictTargetLeadsWithIt() {
            Sql.Insert upsert = new Sql.Insert(TableRef.table("note"), List.of("id", "title"),
                    List.of(Fragment.bind(Parameter.entity(ID)), Fragment.bind(Parameter.entity(TITLE))), null,
                    Sql.TenantSource.CURRENT, new Sql.OnConflict(List.of("id"),
                            List.of(new Sql.Assignment("title", Fragment.sql("EXCLUDED.title")))), null);
            Statement statement = new TenancyPass(ROW).apply(upsert);
            assertEquals("INSERT INTO note (tenant_id, id, title) VALUES (?, ?, ?) ON CONFLICT (tenant_id, id)"
                    + " DO UPDATE SET title = EXCLUDED.title", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.ENTITY, Source.ENTITY), sources(statement));

            Sql.Insert copy = new Sql.Insert(TableRef.table("part"), List.of("id"), List.of(),
                    Sql.Select.of(List.of(Fragment.sql("root.id")), TableRef.cte("root")),
                    Sql.TenantSource.copiedFrom("root."), null, null);
            assertEquals("INSERT INTO part (tenant_id, id) SELECT root.tenant_id, root.id FROM root",
                    new TenancyPass(ROW).apply(copy).sql());
            assertEquals("INSERT INTO {schema}.part (id) SELECT root.id FROM root", new TenancyPass(SCHEMA).apply(copy).sql());
        }

        @Test
        void updatesDeletesAndTableNameLiteralsToo() {
            Sql update = new Sql.Update(TableRef.table("note"), List.of(new Sql.Assignment("title",
                    Fragment.bind(Parameter.entity(TITLE)))), null, List.of(Fragment.of("id = ", Parameter.entity(ID))), null);
            assertEquals("UPDATE note SET title = ? WHERE tenant_id = ? AND id = ?", new TenancyPass(ROW).apply(update).sql());
            Sql delete = new Sql.Delete(TableRef.table("note"), List.of(), null);
            assertEquals("DELETE FROM note WHERE tenant_id = ?", new TenancyPass(ROW).apply(delete).sql());
            Sql sequence = Sql.Select.of(List.of(Fragment.of("nextval(pg_get_serial_sequence(",
                    new Fragment.TableName(TableRef.table("note")), ", 'id'))")), null);
            assertEquals("SELECT nextval(pg_get_serial_sequence('{schema}.note', 'id'))",
                    new TenancyPass(SCHEMA).apply(sequence).sql());
        }
    }

    // ---- the audit pass ---------------------------------------------------------------------------

    @Nested
    class AuditPassTest {
        @Test
        void anUpdateGetsTheChangeTestAndWritesItsHistoryRowInTheSameStatement() {
            AuditPass audit = new AuditPass(AUDITED);
            Sql.Update update = audit.changeTest(new Sql.Update(TableRef.table("note"), List.of(new Sql.Assignment(
                    "title", Fragment.bind(Parameter.entity(TITLE)))), null,
                    List.of(Fragment.of("id = ", Parameter.entity(ID))), null), List.of(TITLE));
            Sql recorded = audit.record(update, AuditPass.Recording.UPDATE,
                    Sql.Select.of(List.of(Fragment.sql("id, title")), TableRef.cte("changed")));
            Statement statement = new TenancyPass(AUDITED).apply(recorded);
            assertEquals("WITH changed AS (UPDATE note SET title = ?, history_version = history_version + CASE WHEN"
                    + " (title) IS DISTINCT FROM (?) THEN 1 ELSE 0 END, history_changed = (title) IS DISTINCT FROM (?)"
                    + " WHERE tenant_id = ? AND id = ? RETURNING *), history AS (INSERT INTO note_history (tenant_id, id,"
                    + " title, history_operation, history_version, history_actor) SELECT tenant_id, id, title, 'UPDATE',"
                    + " history_version, ? FROM changed WHERE history_changed) SELECT id, title FROM changed",
                    statement.sql());
            assertEquals(List.of(Source.ENTITY, Source.ENTITY, Source.ENTITY, Source.TENANT, Source.ENTITY, Source.ACTOR),
                    sources(statement));
        }

        @Test
        void anInsertWithTheApplicationsIdContinuesTheIdsHistoryVersions() {
            Sql.Insert insert = new AuditPass(AUDITED).continuingVersions(new Sql.Insert(TableRef.table("note"),
                    List.of("id"), List.of(Fragment.bind(Parameter.entity(ID))), null, Sql.TenantSource.CURRENT, null, null),
                    Fragment.bind(Parameter.entity(ID)));
            Statement statement = new TenancyPass(AUDITED).apply(insert);
            assertEquals("INSERT INTO note (tenant_id, id, history_version) VALUES (?, ?, (SELECT COALESCE(max("
                    + "h.history_version), 0) + 1 FROM note_history h WHERE h.tenant_id = ? AND h.id = ?))", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.ENTITY, Source.TENANT, Source.ENTITY), sources(statement));
        }

        @Test
        void anEntityThatIsNotAuditedPassesUnchanged() {
            Sql.Update update = new Sql.Update(TableRef.table("note"), List.of(), null, List.of(), null);
            assertEquals(update, new AuditPass(ROW).changeTest(update, List.of(TITLE)));
        }
    }

    // ---- vendors inside tenants: the same pass, the vendor right after the tenant ------------------------

    private static Tenancy vendorTenancy(Tenanted.Strategy strategy, boolean rls) {
        return new Tenancy(strategy, "tenant_id", Tenanted.ColumnType.TEXT, rls, null, null,
                new Tenancy.Vendor("vendor_id", null, null));
    }

    private static final EntityModel VENDOR_ROW = note(vendorTenancy(Tenanted.Strategy.ROW, false), false);
    private static final EntityModel VENDOR_ROW_RLS = note(vendorTenancy(Tenanted.Strategy.ROW, true), false);
    private static final EntityModel VENDOR_SCHEMA = note(vendorTenancy(Tenanted.Strategy.SCHEMA, false), false);
    private static final EntityModel VENDOR_DATABASE = note(vendorTenancy(Tenanted.Strategy.DATABASE, false), false);
    private static final EntityModel VENDOR_AUDITED = note(vendorTenancy(Tenanted.Strategy.ROW, false), true);

    /** The runtime's three settings in front of a vendor-scoped statement under row-level security. */
    private static final String SET_TENANT_AND_VENDOR = "SELECT set_config('tenantdao.tenant', ?, true),"
            + " set_config('tenantdao.vendor', ?, true), set_config('tenantdao.tenant_wide', ?, true); ";

    @Nested
    class VendorTest {
        private final Sql findById = Sql.Select.of(List.of(Fragment.sql("id"), Fragment.sql("title")),
                TableRef.table("note")).where(Fragment.of("id = ", Parameter.idArgument(ID)));

        private Sql.Insert upsert() {
            return new Sql.Insert(TableRef.table("note"), List.of("id", "title"),
                    List.of(Fragment.bind(Parameter.entity(ID)), Fragment.bind(Parameter.entity(TITLE))), null,
                    Sql.TenantSource.CURRENT, new Sql.OnConflict(List.of("id"),
                            List.of(new Sql.Assignment("title", Fragment.sql("EXCLUDED.title")))), null);
        }

        @Test
        void rowPutsTheVendorPredicateRightAfterTheTenantsAndMatchesEveryVendorOnlyForANullVendor() {
            Statement statement = new TenancyPass(VENDOR_ROW).apply(findById);
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id)"
                    + " AND id = ?", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.VENDOR, Source.ID_ARGUMENT), sources(statement));
        }

        @Test
        void rowLevelSecuritySetsTenantVendorAndTenantWideSwitchInThatOrderBeforeThePredicates() {
            Statement statement = new TenancyPass(VENDOR_ROW_RLS).apply(findById);
            assertEquals(SET_TENANT_AND_VENDOR + "SELECT id, title FROM note WHERE tenant_id = ? AND vendor_id ="
                    + " COALESCE(?, vendor_id) AND id = ?", statement.sql());
            assertEquals(List.of(Source.TENANT_SETTING, Source.VENDOR_SETTING, Source.TENANT_WIDE_SETTING,
                    Source.TENANT, Source.VENDOR, Source.ID_ARGUMENT), sources(statement));
            Statement batch = new TenancyPass(VENDOR_ROW_RLS).applyWithoutSetting(findById);
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id)"
                    + " AND id = ?", batch.sql(), "a batch's statements: no setting");
            assertEquals(List.of(Source.TENANT, Source.VENDOR, Source.ID_ARGUMENT), sources(batch));
            assertEquals(SET_TENANT_AND_VENDOR + "SELECT id, title FROM note WHERE tenant_id = ? AND vendor_id ="
                    + " COALESCE(?, vendor_id) AND id = ?", new SqlBuilder(VENDOR_ROW_RLS).build().findById().sql());
        }

        @Test
        void schemaPerTenantKeepsTheVendorColumnInsideTheTenantsSchema() {
            Statement statement = new TenancyPass(VENDOR_SCHEMA).apply(findById);
            assertEquals("SELECT id, title FROM {schema}.note WHERE vendor_id = COALESCE(?, vendor_id) AND id = ?",
                    statement.sql());
            assertEquals(List.of(Source.VENDOR, Source.ID_ARGUMENT), sources(statement));
            Statement insert = new TenancyPass(VENDOR_SCHEMA).apply(upsert());
            assertEquals("INSERT INTO {schema}.note (vendor_id, id, title) VALUES (?, ?, ?) ON CONFLICT (vendor_id, id)"
                    + " DO UPDATE SET title = EXCLUDED.title", insert.sql());
            assertEquals(List.of(Source.NEW_ROW_VENDOR, Source.ENTITY, Source.ENTITY), sources(insert));
        }

        @Test
        void databasePerTenantKeepsTheVendorColumnInsideTheTenantsDatabase() {
            Statement statement = new TenancyPass(VENDOR_DATABASE).apply(findById);
            assertEquals("SELECT id, title FROM note WHERE vendor_id = COALESCE(?, vendor_id) AND id = ?",
                    statement.sql());
            assertEquals(List.of(Source.VENDOR, Source.ID_ARGUMENT), sources(statement));
            Sql delete = new Sql.Delete(TableRef.table("note"), List.of(Fragment.of("id = ", Parameter.entity(ID))), null);
            assertEquals("DELETE FROM note WHERE vendor_id = COALESCE(?, vendor_id) AND id = ?",
                    new TenancyPass(VENDOR_DATABASE).apply(delete).sql());
            assertEquals("INSERT INTO note (vendor_id, id, title) VALUES (?, ?, ?) ON CONFLICT (vendor_id, id) DO UPDATE"
                    + " SET title = EXCLUDED.title", new TenancyPass(VENDOR_DATABASE).apply(upsert()).sql());
        }

        @Test
        void anUpsertWritesTheCurrentVendorAndItsConflictTargetLeadsWithTenantThenVendor() {
            Statement statement = new TenancyPass(VENDOR_ROW).apply(upsert());
            assertEquals("INSERT INTO note (tenant_id, vendor_id, id, title) VALUES (?, ?, ?, ?) ON CONFLICT"
                    + " (tenant_id, vendor_id, id) DO UPDATE SET title = EXCLUDED.title", statement.sql());
            // the insert's vendor is the one it requires (never null), not the predicate's
            assertEquals(List.of(Source.TENANT, Source.NEW_ROW_VENDOR, Source.ENTITY, Source.ENTITY),
                    sources(statement));
            Statement rls = new TenancyPass(VENDOR_ROW_RLS).apply(upsert());
            assertEquals(SET_TENANT_AND_VENDOR + statement.sql(), rls.sql());
            assertEquals(List.of(Source.TENANT_SETTING, Source.VENDOR_SETTING, Source.TENANT_WIDE_SETTING,
                    Source.TENANT, Source.NEW_ROW_VENDOR, Source.ENTITY, Source.ENTITY), sources(rls));
        }

        @Test
        void anInsertFromRowsCopiesTheirVendorLikeTheirTenant() {
            Sql.Insert copy = new Sql.Insert(TableRef.table("part"), List.of("id"), List.of(),
                    Sql.Select.of(List.of(Fragment.sql("root.id")), TableRef.cte("root")),
                    Sql.TenantSource.copiedFrom("root."), null, null);
            Statement statement = new TenancyPass(VENDOR_ROW).apply(copy);
            assertEquals("INSERT INTO part (tenant_id, vendor_id, id) SELECT root.tenant_id, root.vendor_id, root.id"
                    + " FROM root", statement.sql());
            assertEquals(List.of(), sources(statement));
            assertEquals("INSERT INTO {schema}.part (vendor_id, id) SELECT root.vendor_id, root.id FROM root",
                    new TenancyPass(VENDOR_SCHEMA).apply(copy).sql());
        }

        @Test
        void anAuditedUpdateConfinesToTheVendorAndItsHistoryRowCopiesTheVendor() {
            AuditPass audit = new AuditPass(VENDOR_AUDITED);
            Sql.Update update = audit.changeTest(new Sql.Update(TableRef.table("note"), List.of(new Sql.Assignment(
                    "title", Fragment.bind(Parameter.entity(TITLE)))), null,
                    List.of(Fragment.of("id = ", Parameter.entity(ID))), null), List.of(TITLE));
            Sql recorded = audit.record(update, AuditPass.Recording.UPDATE,
                    Sql.Select.of(List.of(Fragment.sql("id, title")), TableRef.cte("changed")));
            Statement statement = new TenancyPass(VENDOR_AUDITED).apply(recorded);
            assertEquals("WITH changed AS (UPDATE note SET title = ?, history_version = history_version + CASE WHEN"
                    + " (title) IS DISTINCT FROM (?) THEN 1 ELSE 0 END, history_changed = (title) IS DISTINCT FROM (?)"
                    + " WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id) AND id = ? RETURNING *), history AS"
                    + " (INSERT INTO note_history (tenant_id, vendor_id, id, title, history_operation, history_version,"
                    + " history_actor) SELECT tenant_id, vendor_id, id, title, 'UPDATE', history_version, ? FROM changed"
                    + " WHERE history_changed) SELECT id, title FROM changed", statement.sql());
            assertEquals(List.of(Source.ENTITY, Source.ENTITY, Source.ENTITY, Source.TENANT, Source.VENDOR,
                    Source.ENTITY, Source.ACTOR), sources(statement));
        }

        @Test
        void anAuditedInsertWritesTheCurrentVendorAndCopiesItIntoHistory() {
            EntitySql sql = new SqlBuilder(VENDOR_AUDITED).build();
            assertEquals("WITH changed AS (INSERT INTO note (tenant_id, vendor_id, id, title, history_version) VALUES"
                    + " (?, ?, ?, ?, (SELECT COALESCE(max(h.history_version), 0) + 1 FROM note_history h WHERE"
                    + " h.tenant_id = ? AND h.vendor_id = COALESCE(?, h.vendor_id) AND h.id = ?)) RETURNING *),"
                    + " history AS (INSERT INTO note_history (tenant_id, vendor_id, id, title, history_operation,"
                    + " history_version, history_actor) SELECT tenant_id, vendor_id, id, title, 'INSERT',"
                    + " history_version, ? FROM changed) SELECT id FROM changed", sql.insert().sql());
            assertEquals(List.of(Source.TENANT, Source.NEW_ROW_VENDOR, Source.ENTITY, Source.ENTITY, Source.TENANT,
                    Source.VENDOR, Source.ENTITY, Source.ACTOR), sources(sql.insert()));
            assertEquals("SELECT id, title, history_version, history_operation, history_changed_at, history_actor,"
                    + " history_transaction_id::text::bigint FROM note_history WHERE tenant_id = ? AND vendor_id ="
                    + " COALESCE(?, vendor_id) AND id = ? ORDER BY history_version DESC",
                    sql.history().orElseThrow().versions().sql());
        }

        @Test
        void insertAllWritesTheCurrentVendorIntoEveryRow() {
            Statement statement = new SqlBuilder(VENDOR_ROW).build().insertAll().orElseThrow();
            assertEquals("WITH input AS (SELECT u.* FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u(c1, c2, n)),"
                    + " changed AS (INSERT INTO note (tenant_id, vendor_id, id, title) SELECT ?, ?, input.c1, input.c2"
                    + " FROM input ORDER BY input.n RETURNING *) SELECT changed.id FROM changed JOIN"
                    + " input ON changed.id = input.c1 ORDER BY input.n", statement.sql());
            assertEquals(Source.NEW_ROW_VENDOR, sources(statement).get(3));
        }

        @Test
        void aJoinedSubtypesTableIsConfinedToTheVendorToo() {
            Property amount = property("amount", ValueType.BIG_DECIMAL, false);
            Property token = property("token", ValueType.STRING, false);
            Hierarchy hierarchy = new Hierarchy(Polymorphic.Strategy.JOINED, null, ClassName.get("t", "Payment"), null,
                    "kind");
            EntityModel card = new EntityModel(null, ClassName.get("t", "Card"), "payment", true,
                    vendorTenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount, token),
                    Construction.constructor(List.of("id", "amount", "token")), Hooks.NONE, null,
                    new EntityKind.Subtype(hierarchy, "card", Optional.of("card_payment"), 2));
            EntityModel root = new EntityModel(null, ClassName.get("t", "Payment"), "payment", false,
                    vendorTenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount), null, Hooks.NONE, null,
                    new EntityKind.HierarchyRoot(hierarchy, List.of(card)));
            EntityModel subtype = EntityKind.HierarchyRoot.of(root).subtypes().get(0);
            Statement statement = new SqlBuilder(subtype).build().findById();
            assertEquals("SELECT payment.id, payment.amount, card_payment.token FROM payment JOIN card_payment ON"
                    + " card_payment.tenant_id = ? AND card_payment.vendor_id = COALESCE(?, card_payment.vendor_id)"
                    + " AND card_payment.id = payment.id WHERE payment.tenant_id = ? AND payment.vendor_id ="
                    + " COALESCE(?, payment.vendor_id) AND payment.kind = 'card' AND payment.id = ?", statement.sql());
            assertEquals(List.of(Source.TENANT, Source.VENDOR, Source.TENANT, Source.VENDOR, Source.ID_ARGUMENT),
                    sources(statement));
        }
    }

    @Nested
    class CastTypeTest {
        @Test
        void aCastLeavesTheLengthToTheColumnAndNeverShortensAValue() {
            assertEquals("varchar", SqlBuilder.castType("varchar(5)"));
            assertEquals("varchar[]", SqlBuilder.castType("varchar(20)[]"));
            assertEquals("numeric", SqlBuilder.castType("numeric(10, 2)"));
            assertEquals("bpchar", SqlBuilder.castType("char(5)"), "plain char would be char(1)");
            assertEquals("bpchar", SqlBuilder.castType("character(3)"));
            assertEquals("varbit", SqlBuilder.castType("bit(8)"), "plain bit would be bit(1)");
            assertEquals("timestamp with time zone", SqlBuilder.castType("timestamp(3) with time zone"));
            assertEquals("text", SqlBuilder.castType("text"));
            assertEquals("geometry(Point, 4326)", SqlBuilder.castType("geometry(Point, 4326)"), "not a length: kept");
        }

        /** A note with a {@code @Column(type = "note_state", defaultSql = "'DRAFT'")} enum, tenanted by {@code tenancy}. */
        private EntityModel withState(Tenancy tenancy) {
            Property state = new Property(null, "state", "state", null, ValueType.ENUM, false, false, false, false, true,
                    false, Access.method("state"), Access.method("state"), null, new Mapping("note_state",
                            List.of("DRAFT", "SENT"), false, true, true, "'DRAFT'", null, null, null, null, null,
                            false, false));
            return new EntityModel(null, ClassName.get("t", "Note"), "note", true, tenancy, List.of(ID, state),
                    Construction.constructor(List.of("id", "state")), Hooks.NONE, null, new EntityKind.Standalone());
        }

        @Test
        void aTypeTheDdlCreatesIsNamedInTheTenantsSchemaLikeTheTables() {
            EntitySql schema = new SqlBuilder(withState(tenancy(Tenanted.Strategy.SCHEMA, false))).build();
            assertEquals("INSERT INTO {schema}.note (id, state) VALUES (?, COALESCE(CAST(? AS {schema}.note_state),"
                    + " ('DRAFT')))", schema.insert().sql());
            assertEquals("WITH input AS (SELECT u.* FROM unnest(?::bigint[], ?::{schema}.note_state[]) WITH ORDINALITY"
                    + " AS u(c1, c2, n)), changed AS (INSERT INTO {schema}.note (id, state) SELECT input.c1,"
                    + " COALESCE(CAST(input.c2 AS {schema}.note_state), ('DRAFT')) FROM input ORDER BY input.n"
                    + " RETURNING *) SELECT changed.id, changed.state FROM changed JOIN input ON changed.id = input.c1"
                    + " ORDER BY input.n", schema.insertAll().orElseThrow().sql());
            assertEquals(List.of(Source.ENTITY, Source.ENTITY), sources(schema.insertAll().orElseThrow()));
            for (Tenanted.Strategy strategy : List.of(Tenanted.Strategy.ROW, Tenanted.Strategy.DATABASE)) {
                assertEquals("INSERT INTO note (" + (strategy == Tenanted.Strategy.ROW ? "tenant_id, " : "")
                        + "id, state) VALUES (" + (strategy == Tenanted.Strategy.ROW ? "?, " : "")
                        + "?, COALESCE(CAST(? AS note_state), ('DRAFT')))",
                        new SqlBuilder(withState(tenancy(strategy, false))).build().insert().sql(), strategy.name());
            }
            assertEquals("INSERT INTO note (id, state) VALUES (?, COALESCE(CAST(? AS note_state), ('DRAFT')))",
                    new SqlBuilder(withState(null)).build().insert().sql(), "shared");
        }

        @Test
        void theDdlResourceCreatesTheTypeInTheTenantsSchemaAndMigrationsWhereFlywayRunsThem() {
            SchemaModel model = new DdlBuilder(withState(tenancy(Tenanted.Strategy.SCHEMA, false))).model();
            String resource = DdlRenderer.forResource().create(model);
            assertTrue(resource.contains("    CREATE TYPE {schema}.note_state AS ENUM ('DRAFT', 'SENT');\n"), resource);
            assertTrue(resource.contains("    state {schema}.note_state DEFAULT 'DRAFT',\n"), resource);
            String migration = DdlRenderer.forMigration("schema").create(model);
            assertTrue(migration.contains("    CREATE TYPE note_state AS ENUM ('DRAFT', 'SENT');\n"), migration);
            assertTrue(migration.contains("    state note_state DEFAULT 'DRAFT',\n"), migration);
            assertEquals(List.of("note_state"), model.tables().get(0).columns().stream()
                    .filter(c -> c.name().equals("state")).map(SchemaModel.Column::type).toList(),
                    "the schema model (Database.verify compares it) names the type unqualified");
            String row = DdlRenderer.forResource().create(new DdlBuilder(withState(tenancy(Tenanted.Strategy.ROW, false))).model());
            assertTrue(row.contains("    CREATE TYPE note_state AS ENUM") && row.contains("    state note_state DEFAULT"), row);
        }
    }

    // ---- whole DAOs' statements ----------------------------------------------------------------------

    @Nested
    class EntityStatementsTest {
        @Test
        void findByIdOfEachStrategy() {
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND id = ?", new SqlBuilder(ROW).build().findById().sql());
            assertEquals("SELECT set_config('tenantdao.tenant', ?, true); SELECT id, title FROM note WHERE tenant_id = ?"
                    + " AND id = ?", new SqlBuilder(ROW_RLS).build().findById().sql());
            assertEquals("SELECT id, title FROM {schema}.note WHERE id = ?", new SqlBuilder(SCHEMA).build().findById().sql());
            assertEquals("SELECT id, title FROM note WHERE id = ?", new SqlBuilder(DATABASE).build().findById().sql());
            assertEquals("SELECT id, title FROM note WHERE id = ?", new SqlBuilder(SHARED).build().findById().sql());
        }

        @Test
        void insertUpdateAndDeleteOfAnAuditedRowTenantedEntity() {
            EntitySql sql = new SqlBuilder(AUDITED).build();
            assertEquals("WITH changed AS (INSERT INTO note (tenant_id, id, title, history_version) VALUES (?, ?, ?, (SELECT"
                    + " COALESCE(max(h.history_version), 0) + 1 FROM note_history h WHERE h.tenant_id = ? AND h.id = ?))"
                    + " RETURNING *), history AS (INSERT INTO note_history (tenant_id, id, title, history_operation,"
                    + " history_version, history_actor) SELECT tenant_id, id, title, 'INSERT', history_version, ? FROM"
                    + " changed) SELECT id FROM changed", sql.insert().sql());
            assertEquals(List.of(Source.TENANT, Source.ENTITY, Source.ENTITY, Source.TENANT, Source.ENTITY, Source.ACTOR),
                    sources(sql.insert()));
            assertEquals("WITH changed AS (DELETE FROM note WHERE tenant_id = ? AND id = ? RETURNING *), history AS"
                    + " (INSERT INTO note_history (tenant_id, id, title, history_operation, history_version,"
                    + " history_actor) SELECT tenant_id, id, title, 'DELETE', history_version + 1, ? FROM changed)"
                    + " SELECT count(*) FROM changed", sql.deleteById().sql());
            assertEquals("SELECT id, title, history_version, history_operation, history_changed_at, history_actor,"
                    + " history_transaction_id::text::bigint FROM note_history WHERE tenant_id = ? AND id = ?"
                    + " ORDER BY history_version DESC", sql.history().orElseThrow().versions().sql());
        }

        @Test
        void insertAllReturnsRowsJoinedBackToTheirOrdinal() {
            assertEquals("WITH input AS (SELECT u.* FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u(c1, c2, n)),"
                    + " changed AS (INSERT INTO note (tenant_id, id, title) SELECT ?, input.c1, input.c2 FROM input"
                    + " ORDER BY input.n RETURNING *) SELECT changed.id FROM changed JOIN input ON"
                    + " changed.id = input.c1 ORDER BY input.n", new SqlBuilder(ROW).build().insertAll().orElseThrow().sql());
        }

        EntityModel hierarchyOf(Polymorphic.Strategy strategy) {
            return hierarchy(strategy);
        }

        private EntityModel hierarchy(Polymorphic.Strategy strategy) {
            Property amount = property("amount", ValueType.BIG_DECIMAL, false);
            Property token = property("token", ValueType.STRING, false);
            Hierarchy hierarchy = new Hierarchy(strategy, null, ClassName.get("t", "Payment"), null, "kind");
            Optional<String> table = hierarchy.isJoined() ? Optional.of("card_payment") : Optional.empty();
            EntityModel card = new EntityModel(null, ClassName.get("t", "Card"), "payment", true,
                    tenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount, token),
                    Construction.constructor(List.of("id", "amount", "token")), Hooks.NONE, null,
                    new EntityKind.Subtype(hierarchy, "card", table, 2));
            return new EntityModel(null, ClassName.get("t", "Payment"), "payment", false,
                    tenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount), null, Hooks.NONE, null,
                    new EntityKind.HierarchyRoot(hierarchy, List.of(card)));
        }

        /**
         * {@code findAllAsOf} of an audited joined hierarchy whose two subtypes share a column
         * ({@code token}) and one leaves a column out of history ({@code memo}): the lateral probe reads
         * each column once (NULL for one not in history), the page selects one per position the map reads;
         * a subtype's page keeps the rows whose last version then is of its value.
         */
        @Test
        void findAllAsOfOfAHierarchyReadsSharedColumnsOnceAndKeepsTheEntitysRows() {
            Property amount = property("amount", ValueType.BIG_DECIMAL, false);
            Property token = property("token", ValueType.STRING, false);
            Property memo = property("memo", ValueType.STRING, false);
            Hierarchy hierarchy = new Hierarchy(Polymorphic.Strategy.JOINED, null, ClassName.get("t", "Payment"), null,
                    "kind");
            Audit audit = new Audit("payment_history", List.of("memo"), null);
            EntityModel card = new EntityModel(null, ClassName.get("t", "Card"), "payment", true,
                    tenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount, token),
                    Construction.constructor(List.of("id", "amount", "token")), Hooks.NONE, audit,
                    new EntityKind.Subtype(hierarchy, "card", Optional.of("card_payment"), 2));
            EntityModel bank = new EntityModel(null, ClassName.get("t", "Bank"), "payment", true,
                    tenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount, token, memo),
                    Construction.constructor(List.of("id", "amount", "token", "memo")), Hooks.NONE, audit,
                    new EntityKind.Subtype(hierarchy, "bank", Optional.of("bank_payment"), 2));
            EntityModel root = new EntityModel(null, ClassName.get("t", "Payment"), "payment", false,
                    tenancy(Tenanted.Strategy.ROW, false), List.of(ID, amount), null, Hooks.NONE, audit,
                    new EntityKind.HierarchyRoot(hierarchy, List.of(card, bank)));
            assertEquals("SELECT x.id, x.amount, x.kind, x.token, x.token, x.memo FROM (SELECT DISTINCT id FROM"
                    + " payment_history WHERE tenant_id = ? ORDER BY id) ids CROSS JOIN LATERAL (SELECT h.id, h.amount,"
                    + " h.kind, h.token, NULL AS memo, h.history_operation FROM payment_history h WHERE h.tenant_id = ?"
                    + " AND h.id = ids.id AND h.history_changed_at <= ? ORDER BY h.history_changed_at DESC,"
                    + " h.history_version DESC LIMIT 1) x WHERE x.history_operation <> 'DELETE' ORDER BY ids.id LIMIT ?",
                    new SqlBuilder(root).buildHierarchy().history().orElseThrow().allAsOf().sql());
            EntityModel cardRead = EntityKind.HierarchyRoot.of(root).subtypes().get(0);
            assertEquals("SELECT x.id, x.amount, x.token FROM (SELECT DISTINCT id FROM payment_history WHERE"
                    + " tenant_id = ? AND id > ? ORDER BY id) ids CROSS JOIN LATERAL (SELECT h.id, h.amount, h.token,"
                    + " h.kind, h.history_operation FROM payment_history h WHERE h.tenant_id = ? AND h.id = ids.id AND"
                    + " h.history_changed_at <= ? ORDER BY h.history_changed_at DESC, h.history_version DESC LIMIT 1) x"
                    + " WHERE x.history_operation <> 'DELETE' AND x.kind = 'card' ORDER BY ids.id LIMIT ?",
                    new SqlBuilder(cardRead).build().history().orElseThrow().allAsOfAfter().orElseThrow().sql());
        }

        @Test
        void aSingleTableSubtypeSeesOnlyItsOwnRows() {
            EntityModel card = EntityKind.HierarchyRoot.of(hierarchy(Polymorphic.Strategy.SINGLE_TABLE)).subtypes().get(0);
            assertEquals("SELECT id, amount, token FROM payment WHERE tenant_id = ? AND kind = 'card' AND id = ?",
                    new SqlBuilder(card).build().findById().sql());
        }

        @Test
        void aJoinedSubtypeJoinsItsTableConfinedToo() {
            EntityModel card = EntityKind.HierarchyRoot.of(hierarchy(Polymorphic.Strategy.JOINED)).subtypes().get(0);
            assertEquals("SELECT payment.id, payment.amount, card_payment.token FROM payment JOIN card_payment ON"
                    + " card_payment.tenant_id = ? AND card_payment.id = payment.id WHERE payment.tenant_id = ? AND"
                    + " payment.kind = 'card' AND payment.id = ?", new SqlBuilder(card).build().findById().sql());
        }

        @Test
        void aJoinedRootLeftJoinsEverySubtypesTableConfined() {
            HierarchySql sql = new SqlBuilder(hierarchy(Polymorphic.Strategy.JOINED)).buildHierarchy();
            assertEquals("SELECT payment.id, payment.amount, payment.kind, card_payment.token FROM payment LEFT JOIN"
                    + " card_payment ON card_payment.tenant_id = ? AND card_payment.id = payment.id WHERE"
                    + " payment.tenant_id = ? ORDER BY payment.id LIMIT ? OFFSET ?", sql.findAll().sql());
            assertEquals(List.of(Source.TENANT, Source.TENANT, Source.LIMIT, Source.OFFSET), sources(sql.findAll()));
        }
    }

    // ---- the soft-delete pass ---------------------------------------------------------------------

    @Nested
    class SoftDeletePassTest {
        private EntityModel soft(EntityModel entity) {
            return new EntityModel(entity.element(), entity.type(), entity.table(), entity.isRecord(), entity.tenancy(),
                    entity.properties(), entity.construction(), entity.hooks(), entity.audit(), entity.kind(),
                    new dev.tenantdao.processor.model.SoftDeletion("deleted_at", null));
        }

        @Test
        void everyReadSeesLiveRowsTheLivePredicateBesideTheTenants() {
            EntitySql sql = new SqlBuilder(soft(ROW)).build();
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND deleted_at IS NULL AND id = ?", sql.findById().sql());
            assertEquals(List.of(Source.TENANT, Source.ID_ARGUMENT), sources(sql.findById()));
            assertEquals("SELECT count(*) FROM note WHERE tenant_id = ? AND deleted_at IS NULL", sql.count().sql());
            assertEquals("SELECT EXISTS (SELECT 1 FROM note WHERE tenant_id = ? AND deleted_at IS NULL AND id = ?)",
                    sql.existsById().sql());
            assertEquals("UPDATE note SET title = ? WHERE tenant_id = ? AND deleted_at IS NULL AND id = ?",
                    sql.update().orElseThrow().sql());
        }

        @Test
        void aDeleteMarksTheRowAndTheExplicitMethodsNameTheRowsTheyMean() {
            EntitySql sql = new SqlBuilder(soft(ROW)).build();
            assertEquals("UPDATE note SET deleted_at = statement_timestamp() WHERE tenant_id = ? AND deleted_at IS NULL"
                    + " AND id = ?", sql.deleteById().sql());
            SoftDeleteSql softDeletes = sql.softDeletes().orElseThrow();
            assertEquals("UPDATE note SET deleted_at = NULL WHERE tenant_id = ? AND deleted_at IS NOT NULL AND id = ?",
                    softDeletes.restore().sql());
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND deleted_at IS NOT NULL AND id = ?",
                    softDeletes.findDeletedById().sql());
            assertEquals("SELECT id, title FROM note WHERE tenant_id = ? AND deleted_at IS NOT NULL ORDER BY id"
                    + " LIMIT ? OFFSET ?", softDeletes.findAllDeleted().sql());
            assertEquals("DELETE FROM note WHERE tenant_id = ? AND id = ?", softDeletes.purge().sql());
            assertEquals(List.of(Source.TENANT, Source.ID_ARGUMENT), sources(softDeletes.purge()));
        }

        @Test
        void anUpsertConflictsOnLiveRowsAndUpdatesOnlyALiveOne() {
            EntitySql sql = new SqlBuilder(soft(ROW)).build();
            assertEquals("INSERT INTO note (tenant_id, id, title) VALUES (?, ?, ?) ON CONFLICT (tenant_id, id)"
                    + " WHERE deleted_at IS NULL DO UPDATE SET title = EXCLUDED.title WHERE note.deleted_at IS NULL",
                    sql.upserts().get(0).statement().sql());
        }

        @Test
        void everyStrategyAndASharedEntityGetThePredicate() {
            assertEquals("SELECT id, title FROM {schema}.note WHERE deleted_at IS NULL AND id = ?",
                    new SqlBuilder(soft(SCHEMA)).build().findById().sql());
            assertEquals("SELECT id, title FROM note WHERE deleted_at IS NULL AND id = ?",
                    new SqlBuilder(soft(DATABASE)).build().findById().sql());
            assertEquals("SELECT id, title FROM note WHERE deleted_at IS NULL AND id = ?",
                    new SqlBuilder(soft(SHARED)).build().findById().sql());
        }

        @Test
        void anAuditedSoftDeleteIsRecordedAsADeleteAtTheRowsNextVersion() {
            String sql = new SqlBuilder(soft(AUDITED)).build().deleteById().sql();
            assertEquals("WITH changed AS (UPDATE note SET deleted_at = statement_timestamp(), history_version ="
                    + " history_version + 1 WHERE tenant_id = ? AND deleted_at IS NULL AND id = ? RETURNING *), history AS"
                    + " (INSERT INTO note_history (tenant_id, id, title, history_operation, history_version, history_actor)"
                    + " SELECT tenant_id, id, title, 'DELETE', history_version, ? FROM changed) SELECT count(*) FROM changed",
                    sql);
        }

        @Test
        void aJoinedSubtypeFiltersTheRootsTableOnlyWhichHoldsTheColumn() {
            EntityModel root = soft(new EntityStatementsTest().hierarchyOf(Polymorphic.Strategy.JOINED));
            EntityModel card = EntityKind.HierarchyRoot.of(root).subtypes().get(0);
            card = soft(card);
            assertEquals("SELECT payment.id, payment.amount, card_payment.token FROM payment JOIN card_payment ON"
                    + " card_payment.tenant_id = ? AND card_payment.id = payment.id WHERE payment.tenant_id = ? AND"
                    + " payment.deleted_at IS NULL AND payment.kind = 'card' AND payment.id = ?",
                    new SqlBuilder(card).build().findById().sql());
            assertEquals("SELECT payment.id, payment.amount, payment.kind, card_payment.token FROM payment LEFT JOIN"
                    + " card_payment ON card_payment.tenant_id = ? AND card_payment.id = payment.id WHERE"
                    + " payment.tenant_id = ? AND payment.deleted_at IS NULL ORDER BY payment.id LIMIT ? OFFSET ?",
                    new SqlBuilder(root).buildHierarchy().findAll().sql());
        }
    }
}
