package dev.tenantdao.samples.trial.vet;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the front desk asks of the clients: every method should see live clients only. */
@Repository
public interface PetOwners extends CrudRepository<PetOwner, Long> {

    Optional<PetOwner> findByEmail(String email);

    List<PetOwner> findByNameStartsWithOrderByIdAsc(String prefix);

    long countByCredit_Currency(String currency);

    boolean existsByEmail(String email);

    @Query("WHERE credit.amount > :min ORDER BY credit.amount")
    List<PetOwner> inCredit(BigDecimal min);

    @Query("WHERE name LIKE :pattern ORDER BY name")
    Page<PetOwner> named(String pattern, PageRequest pageRequest);

    @Query("UPDATE PetOwner SET name = :name WHERE email = :email")
    boolean rename(String email, String name);

    long deleteByName(String name);

    CursoredPage<PetOwner> findAllAsOf(Instant at, PageRequest pageRequest);
}
