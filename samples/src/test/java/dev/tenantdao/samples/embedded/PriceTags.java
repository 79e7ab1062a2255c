package dev.tenantdao.samples.embedded;

import jakarta.data.Sort;
import jakarta.data.repository.By;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

// README: embedded-repository
/** Queries naming the components of embedded values: by path in JDQL and @By, with an underscore in names. */
@Repository
public interface PriceTags {

    @Query("WHERE price.amount > :min ORDER BY price.amount DESC")
    List<PriceTag> pricedAbove(BigDecimal min);

    List<PriceTag> findByPrice_CurrencyOrderByPrice_AmountAsc(String currency);

    @Find
    @OrderBy("price.amount")
    @OrderBy("sku")
    List<PriceTag> inCurrency(@By("price.currency") String currency);

    @Query("UPDATE PriceTag SET listPrice.amount = :amount WHERE sku = :sku")
    boolean relist(String sku, BigDecimal amount);

    List<PriceTag> findBySkuStartsWith(String prefix, Sort<PriceTag> sort);
}
// README: end
