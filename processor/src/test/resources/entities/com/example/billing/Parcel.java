package com.example.billing;

/** A parcel: table {@code parcel}, discriminator {@code Parcel}. */
public final class Parcel extends Shipment {

    private int weightGrams;

    public int getWeightGrams() {
        return weightGrams;
    }

    public void setWeightGrams(int weightGrams) {
        this.weightGrams = weightGrams;
    }
}
