package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import java.util.Objects;

/** A class built through setters, a primitive component and a component stored through a converter. */
public class Size {
    private int width;
    private int height;
    @Convert(UnitConverter.class)
    @Column(name = "unit")
    private Unit in;

    public static Size of(int width, int height, Unit in) {
        Size size = new Size();
        size.setWidth(width);
        size.setHeight(height);
        size.setIn(in);
        return size;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    public int getHeight() {
        return height;
    }

    public void setHeight(int height) {
        this.height = height;
    }

    public Unit getIn() {
        return in;
    }

    public void setIn(Unit in) {
        this.in = in;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Size size && width == size.width && height == size.height && in == size.in;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, in);
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + in;
    }
}
