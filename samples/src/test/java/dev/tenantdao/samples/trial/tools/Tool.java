package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;

/**
 * A tool on a library's shelf: a joined hierarchy (table {@code tl_tool} and one per subtype), with
 * the power tools as an intermediate level with a table of its own, and a fallback for kinds another
 * library's app added. Audited as a whole.
 */
@Entity(table = "tl_tool")
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "kind")
public abstract sealed class Tool permits PowerTool, Ladder, OtherTool {

    @Id(generated = true)
    private Long id;
    @Column(nullable = false)
    private String name;
    private String shelf;

    @BeforeInsert
    void tidy() {
        name = name.strip();
        Trail.record("Tool.tidy");
    }

    @AfterLoad
    void loaded() {
        Trail.record("Tool.loaded");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getShelf() {
        return shelf;
    }

    public void setShelf(String shelf) {
        this.shelf = shelf;
    }
}
