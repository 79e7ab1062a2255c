package dev.tenantdao.samples.asof;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import java.time.Instant;

/** A repository offering the DAO's page of the past as a cursored page. */
@Repository
public interface AsOfRowNotes extends DataRepository<AsOfRowNote, Long> {

    CursoredPage<AsOfRowNote> findAllAsOf(Instant at, PageRequest pageRequest);
}
