package dev.tenantdao.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The @Transactional import: a repository insert (audited), a DAO insertAll (through an insert hook)
 * and JdbcTemplate's own write, per ticket, in Spring's one transaction. When a later ticket fails,
 * Spring's rollback undoes every earlier write, history rows included.
 */
@SpringBootTest(properties = "ticket-desk.schema=desk_import")
@AutoConfigureMockMvc
class TransactionalImportTest {

    @Autowired
    MockMvc mvc;

    private final Owner owner = new Owner("desk_import");

    @Test
    void aFailureAfterEveryKindOfWriteRollsAllOfThemBack() throws Exception {
        mvc.perform(post("/tickets/import").param("author", "ann").header("X-Tenant-Id", "acme")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"title":"Printer on fire","assignee":"ann","comments":[" smoke ","flames"]},
                                 {"title":"VPN down","assignee":"bob","comments":["since 9"]},
                                 {"title":"Printer on fire","assignee":"cid","comments":["again?"]}]"""))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("A ticket with that title exists"));
        assertEquals(0, owner.rows("ticket", "acme"));
        assertEquals(0, owner.rows("ticket_history", "acme"), "no history of the rolled-back inserts");
        assertEquals(0, owner.rows("ticket_comment", "acme"));
        assertEquals(0, owner.rows("desk_activity", "acme"), "JdbcTemplate's write went with them");
    }

    @Test
    void aSuccessfulImportKeepsEveryWrite() throws Exception {
        String body = mvc.perform(post("/tickets/import").param("author", "gil").header("X-Tenant-Id", "globex")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"title":"Printer on fire","assignee":"gil","comments":[" smoke ","flames"]},
                                 {"title":"VPN down","assignee":"hal","comments":[]}]"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long first = ((Number) JsonPath.read(body, "$[0].id")).longValue();
        assertEquals(2, owner.rows("ticket", "globex"));
        assertEquals(2, owner.rows("ticket_history", "globex"));
        assertEquals(2, owner.rows("ticket_comment", "globex"));
        assertEquals(2, owner.rows("desk_activity", "globex"));
        mvc.perform(get("/tickets/" + first + "/comments").header("X-Tenant-Id", "globex"))
                .andExpect(jsonPath("$[0].body").value("smoke"));
        // the application's own SQL, under row-level security, in a transaction tenantdao set the tenant on
        mvc.perform(get("/tickets/" + first + "/activity").header("X-Tenant-Id", "globex"))
                .andExpect(content().json("[\"imported by gil\"]"));
        mvc.perform(get("/tickets/" + first + "/activity").header("X-Tenant-Id", "acme"))
                .andExpect(status().isNotFound());
    }
}
