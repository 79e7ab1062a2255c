package dev.tenantdao.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.sql.EntitySql;
import java.util.List;

/**
 * Writes the source of one entity's DAO from its model and its SQL: the class skeleton, then one
 * small generator per kind of method, all sharing one {@link DaoContext}. {@link DaoFiles} builds
 * every file of an entity before any is written.
 */
public final class DaoWriter {

    private final DaoContext dao;

    public DaoWriter(EntityModel entity, EntitySql sql) {
        this.dao = new DaoContext(entity, sql);
    }

    public JavaFile write() {
        EntitySql sql = dao.sql();
        DaoSkeleton skeleton = new DaoSkeleton(dao);
        TypeSpec.Builder type = skeleton.type();
        type.addField(skeleton.scopeConstant());
        dao.binder().addConverterConstants(type, dao.entity().properties());
        SqlConstants.add(type, dao);
        sql.softDeletes().ifPresent(softDeletes -> new SoftDeleteMethods(dao, softDeletes).addConstants(type));
        skeleton.addDatabaseField(type);
        dao.hooks().addListenerFields(type);
        type.addMethod(skeleton.constructor().build());

        InsertMethods inserts = new InsertMethods(dao);
        ExistsMethods exists = new ExistsMethods(dao);
        DeleteMethods deletes = new DeleteMethods(dao, exists);
        type.addMethod(inserts.insert());
        type.addMethod(new InsertAllMethod(dao, inserts).method());
        type.addMethod(new FindByIdMethod(dao).method(sql.findById()));
        type.addMethod(new FindAllAfterMethod(dao).method(sql.findAllAfter()));
        type.addMethod(new FindAllMethod(dao).method(sql.findAll()));
        sql.acrossTenants().ifPresent(across -> type.addMethods(new AcrossTenantsMethod(dao).methods(across)));
        type.addMethod(new CountMethod(dao).method(sql.count()));
        type.addMethod(exists.existsById(sql.existsById()));
        sql.update().ifPresent(update -> type.addMethod(new UpdateMethod(dao, exists).method(update)));
        type.addMethods(inserts.upserts());
        type.addMethods(new HistoryMethods(dao).methods());
        type.addMethod(deletes.delete());
        type.addMethod(deletes.deleteById(sql.deleteById()));
        sql.deleteVersioned().ifPresent(delete -> type.addMethod(deletes.deleteVersioned(delete)));
        sql.softDeletes().ifPresent(softDeletes -> type.addMethods(new SoftDeleteMethods(dao, softDeletes).methods()));
        if (dao.checksExistence()) {
            type.addMethod(exists.currentVersion(sql.currentVersion().orElseThrow()));
        }
        type.addMethod(inserts.bindInsert());
        type.addMethods(new MapMethods(dao).methods());
        type.addMethods(dao.hooks().methods());
        return DaoFiles.file(dao.type().packageName(), type, List.of(dao.entity().element()));
    }
}
