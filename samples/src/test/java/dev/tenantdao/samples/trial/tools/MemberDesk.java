package dev.tenantdao.samples.trial.tools;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;

/** The front desk's lifecycle operations on members (inherited only). */
@Repository
public interface MemberDesk extends CrudRepository<Member, Long> {
}
