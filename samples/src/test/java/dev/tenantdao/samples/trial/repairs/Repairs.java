package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.samples.trial.repairs.geo.Postcode;
import dev.tenantdao.annotations.Sql;
import jakarta.data.Sort;
import jakarta.data.repository.By;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** A shop's queries over repairs, naming components of embedded values. */
@Repository
public interface Repairs {

    @Query("WHERE estimate.amount > :min ORDER BY estimate.amount DESC, id")
    List<Repair> estimatedAbove(BigDecimal min);

    @Query("WHERE charged.amount IS NULL ORDER BY id")
    List<Repair> unbilled();

    List<Repair> findByCharged_CurrencyOrderByEstimate_AmountAsc(String currency);

    List<Repair> findByPickup_City(String city);

    @Find
    @OrderBy("ticket")
    List<Repair> pickedUpIn(@By("pickup.postcode") Postcode postcode);

    @Query("WHERE pickup.postcode = :postcode ORDER BY ticket")
    List<Repair> atPostcode(Postcode postcode);

    @Query("UPDATE Repair SET charged.amount = :amount, charged.currency = 'EUR' WHERE ticket = :ticket")
    boolean charge(String ticket, BigDecimal amount);

    List<Repair> findByTicketStartsWith(String prefix, Sort<Repair> sort);

    @Query("SELECT count(this) FROM Repair WHERE warranty.transferable = true")
    long transferable();

    long countByWarranty_MonthsGreaterThan(int months);

    @Query("SELECT ticket, estimate.amount FROM Repair WHERE estimate.currency = :currency ORDER BY ticket")
    List<TicketEstimate> estimates(String currency);

    @Query("WHERE LOWER(pickup.city) LIKE :pattern AND estimate.currency IN ('EUR', 'USD') ORDER BY ticket")
    List<Repair> pickedUpInCityLike(String pattern);

    List<Repair> findByPickup_PostcodeInOrderByTicket(List<Postcode> postcodes);

    List<Repair> findByCharged_AmountNullAndTicketStartsWithOrderByTicket(String prefix);

    @Query("WHERE estimate.amount BETWEEN :low AND :high AND id(this) > 0 ORDER BY estimate.amount, ticket")
    List<Repair> estimateBetween(BigDecimal low, BigDecimal high);

    @Query("DELETE FROM Repair WHERE charged.currency = :currency")
    long deleteCharged(String currency);

    /** Native SQL selecting every column by name, the converted postcode and the primitive warranty included. */
    @Sql("""
            SELECT id, ticket, estimate_amount, estimate_currency, charged_amount, charged_currency,
                   pickup_street, pickup_city, pickup_zip, warranty_months, warranty_transferable
            FROM trial_repair WHERE tenant_id = :tenant AND pickup_zip = :zip AND deleted_at IS NULL ORDER BY id""")
    List<Repair> nativeAtZip(String zip);

    /** A ticket and its estimate's amount. */
    record TicketEstimate(String ticket, BigDecimal estimateAmount) {}
}
