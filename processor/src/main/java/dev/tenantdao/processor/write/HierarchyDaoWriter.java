package dev.tenantdao.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.HierarchySql;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the DAO of a {@code @Polymorphic} root: reads that return each row as its subtype (one
 * query per call, a generated switch over the discriminator), and writes that hand each entity to
 * its subtype's DAO. The reads are the generators every entity's DAO uses, written for the root.
 */
public final class HierarchyDaoWriter {

    private final DaoContext dao;
    private final HierarchySql sql;

    public HierarchyDaoWriter(EntityModel root, HierarchySql sql) {
        this.dao = new DaoContext(root, null);
        this.sql = sql;
    }

    public JavaFile write() {
        EntityModel root = dao.entity();
        DaoSkeleton skeleton = new DaoSkeleton(dao);
        TypeSpec.Builder type = skeleton.type();
        type.addField(skeleton.scopeConstant());
        List<Property> all = new ArrayList<>(root.properties());
        subtypes().forEach(subtype -> all.addAll(subtype.ownProperties()));
        dao.binder().addConverterConstants(type, all);
        type.addField(SqlConstants.constant("FIND_BY_ID", sql.findById()));
        type.addField(SqlConstants.constant("FIND_ALL_AFTER", sql.findAllAfter()));
        type.addField(SqlConstants.constant("FIND_ALL", sql.findAll()));
        type.addField(SqlConstants.constant("COUNT", sql.count()));
        type.addField(SqlConstants.constant("EXISTS_BY_ID", sql.existsById()));
        type.addField(SqlConstants.constant("DELETE_BY_ID", sql.deleteById()));
        sql.softDeletes().ifPresent(softDeletes -> new SoftDeleteMethods(dao, softDeletes).addConstants(type));
        sql.acrossTenants().ifPresent(across -> SqlConstants.addAcrossTenants(type, across));
        skeleton.addDatabaseField(type);
        MethodSpec.Builder constructor = skeleton.constructor();
        for (EntityModel subtype : subtypes()) {
            String field = dao.fields().subtypeDao(subtype);
            type.addField(subtype.daoType(), field, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$L = new $T(database)", field, subtype.daoType());
        }
        dao.hooks().addListenerFields(type);
        type.addMethod(constructor.build());

        SubtypeWrites writes = new SubtypeWrites(dao);
        type.addMethod(writes.dispatch("insert", dao.type(),
                "Inserts {@code $L} as a row of its subtype$L, and returns it as stored.\n"));
        type.addMethod(writes.insertAll());
        if (subtypes().stream().allMatch(EntityModel::hasUpdatableColumns)) {
            // (like any entity's DAO, no update when a subtype has nothing an update could change)
            type.addMethod(writes.dispatch("update", dao.type(),
                    "Writes {@code $L} to its row$L, as its subtype, and returns it as stored.\n"));
        }
        type.addMethod(writes.dispatch("delete", null, "Deletes the row of {@code $L}$L, as its subtype.\n"));
        type.addMethod(new FindByIdMethod(dao).method(sql.findById()));
        type.addMethod(new FindAllAfterMethod(dao).method(sql.findAllAfter()));
        type.addMethod(new FindAllMethod(dao).method(sql.findAll()));
        type.addMethod(new CountMethod(dao).method(sql.count()));
        type.addMethod(new ExistsMethods(dao).existsById(sql.existsById()));
        type.addMethod(new DeleteMethods(dao, null).deleteById(sql.deleteById()));
        sql.softDeletes().ifPresent(softDeletes -> type.addMethods(new SoftDeleteMethods(dao, softDeletes).methods()));
        // every tenant's rows of any subtype, each read as its subtype
        sql.acrossTenants().ifPresent(across -> type.addMethods(new AcrossTenantsMethod(dao).methods(across)));
        sql.history().ifPresent(history -> {
            type.addField(SqlConstants.constant("HISTORY", history.versions()));
            type.addField(SqlConstants.constant("HISTORY_AS_OF", history.asOf()));
            type.addField(SqlConstants.constant("HISTORY_ALL_AS_OF", history.allAsOf()));
            type.addField(SqlConstants.constant("HISTORY_ALL_AS_OF_AFTER", history.allAsOfAfter()));
            type.addMethods(historyMethods(history));
        });
        type.addMethods(new SubtypeMapMethods(dao, sql).methods());
        type.addMethods(dao.hooks().methods(EnumSet.of(HookKind.AFTER_LOAD)));
        List<Element> originating = new ArrayList<>();
        originating.add(root.element());
        subtypes().forEach(subtype -> originating.add(subtype.element()));
        return DaoFiles.file(dao.type().packageName(), type, originating);
    }

    /**
     * {@code history(id)} and {@code asOf(id, at)} of a row of any subtype, each version read as the
     * subtype it was (the history table holds every subtype's columns and the discriminator), and
     * {@code findAllAsOf(at, [afterId,] limit)} of every row, each as the subtype it was then.
     */
    private List<MethodSpec> historyMethods(HierarchySql.RowHistory history) {
        int first = Math.max(sql.discriminatorIndex(), sql.columnIndexes().values().stream()
                .flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0)) + 1;
        HistoryMethods methods = new HistoryMethods(dao);
        return List.of(methods.historyOfRow(history.versions(), first, ", each as the subtype it was"),
                methods.asOf(history.asOf(), first, ", as the subtype it was"),
                methods.findAllAsOf(history.allAsOf()), methods.findAllAsOfAfter(history.allAsOfAfter()));
    }

    private List<EntityModel> subtypes() {
        return HierarchyRoot.of(dao.entity()).subtypes();
    }
}
