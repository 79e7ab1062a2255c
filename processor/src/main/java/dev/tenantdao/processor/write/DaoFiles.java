package dev.tenantdao.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.HierarchySql;
import dev.tenantdao.processor.sql.SqlBuilder;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * The generated source files of an entity or a hierarchy, all built before any is written, so a
 * failure while building one writes none; and the one place that marks every generated class
 * {@code @Generated} and names the elements it was generated from.
 */
public final class DaoFiles {

    static final String PROCESSOR = "dev.tenantdao.processor.TenantDaoProcessor";

    private DaoFiles() {}

    /** The DAO of a standalone entity. */
    public static List<JavaFile> of(EntityModel entity, EntitySql sql) {
        return List.of(new DaoWriter(entity, sql).write());
    }

    /** Every DAO of a {@code @Polymorphic} hierarchy: each subtype's, then the root's. */
    public static List<JavaFile> ofHierarchy(EntityModel root, HierarchySql sql) {
        List<JavaFile> files = new ArrayList<>();
        for (EntityModel subtype : HierarchyRoot.of(root).subtypes()) {
            files.add(new DaoWriter(subtype, new SqlBuilder(subtype).build()).write());
        }
        files.add(new HierarchyDaoWriter(root, sql).write());
        for (EntityModel level : HierarchyRoot.of(root).levels()) {
            // an intermediate level's DAO: the root's, over the rows of the concrete subtypes below it
            files.add(new HierarchyDaoWriter(level, new SqlBuilder(level).buildHierarchy()).write());
        }
        return List.copyOf(files);
    }

    /**
     * Writes {@code files}, built beforehand, in order. Each is rendered to its text first, every one
     * before any is created, and handed to the filer's writer in one piece (JavaPoet's own {@code
     * writeTo(Filer)} hands each of the many small pieces it emits to the filer's encoding writer
     * one call at a time).
     */
    public static void write(List<JavaFile> files, Filer filer) throws IOException {
        List<String> sources = new ArrayList<>(files.size());
        for (JavaFile file : files) {
            sources.add(file.toString());
        }
        for (int i = 0; i < files.size(); i++) {
            JavaFile file = files.get(i);
            String name = file.packageName().isEmpty() ? file.typeSpec().name()
                    : file.packageName() + "." + file.typeSpec().name();
            JavaFileObject source = filer.createSourceFile(name,
                    file.typeSpec().originatingElements().toArray(Element[]::new));
            try (Writer writer = source.openWriter()) {
                writer.write(sources.get(i));
            }
        }
    }

    /**
     * The source file of {@code type}: marked {@code @Generated} by the processor, with {@code
     * originating} as the elements it was generated from (so an incremental build regenerates it when
     * one of them changes).
     */
    static JavaFile file(String packageName, TypeSpec.Builder type, List<? extends Element> originating) {
        type.addAnnotation(AnnotationSpec.builder(Types.GENERATED).addMember("value", "$S", PROCESSOR).build());
        originating.forEach(type::addOriginatingElement);
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
