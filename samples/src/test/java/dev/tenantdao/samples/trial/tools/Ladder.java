package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Subtype;
import java.math.BigDecimal;

/** A ladder, by its height in metres. Table {@code tl_ladder}. */
@Subtype(value = "ladder", table = "tl_ladder")
public final class Ladder extends Tool {

    private BigDecimal heightM;

    public Ladder() {
    }

    public Ladder(String name, String shelf, BigDecimal heightM) {
        setName(name);
        setShelf(shelf);
        this.heightM = heightM;
    }

    public BigDecimal getHeightM() {
        return heightM;
    }

    public void setHeightM(BigDecimal heightM) {
        this.heightM = heightM;
    }
}
