package dev.tenantdao.processor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.annotations.internal.Wire;
import org.junit.jupiter.api.Test;

/** What build-time verification prepares: the statement without the settings in front, in the scratch schema. */
class VerificationRunnableTest {

    @Test
    void theTenantSettingAndTheVendorSettingsAreBothLeftOut() {
        assertEquals("SELECT id FROM \"scratch\".offer WHERE tenant_id = ?",
                Verification.runnable(Wire.SET_TENANT + "; SELECT id FROM {schema}.offer WHERE tenant_id = ?", "\"scratch\""));
        assertEquals("SELECT id FROM offer WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id) ORDER BY id",
                Verification.runnable(Wire.SET_TENANT_AND_VENDOR + "; SELECT id FROM offer WHERE tenant_id = ? AND"
                        + " vendor_id = COALESCE(?, vendor_id) " + Wire.ORDER_PLACEHOLDER + "ORDER BY id", "\"scratch\""));
        assertEquals("SELECT 1", Verification.runnable("SELECT 1", "\"scratch\""));
    }
}
