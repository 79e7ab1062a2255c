package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/** Any kind this version of the app does not know (a kayak another library's app added). */
@Subtype(value = "other", fallback = true, table = "tl_other_tool")
public final class OtherTool extends Tool {

    @Column(name = "kind", insertable = false)
    private String kind;
    private String note;

    public OtherTool() {
    }

    public OtherTool(String name, String shelf, String note) {
        setName(name);
        setShelf(shelf);
        this.note = note;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
