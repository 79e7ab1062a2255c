package dev.tenantdao.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The desk over HTTP, tenant by tenant: isolation, 404 for a row the tenant does not have, 409 for a stale version. */
@SpringBootTest(properties = "ticket-desk.schema=desk_http")
@AutoConfigureMockMvc
class TicketDeskTest {

    @Autowired
    MockMvc mvc;

    private final Owner owner = new Owner("desk_http");

    private long open(String tenant, String title, String assignee) throws Exception {
        String body = mvc.perform(post("/tickets").header("X-Tenant-Id", tenant)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"assignee\":\"" + assignee + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void twoTenantsEachSeeOnlyTheirOwnTickets() throws Exception {
        long acmePrinter = open("acme", "Printer on fire", "ann");
        open("acme", "VPN down", "bob");
        long globexPrinter = open("globex", "Printer on fire", "gil");     // the same title: unique per tenant

        mvc.perform(get("/tickets").header("X-Tenant-Id", "acme"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title").value(org.hamcrest.Matchers.contains("Printer on fire", "VPN down")));
        mvc.perform(get("/tickets").header("X-Tenant-Id", "globex"))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains((int) globexPrinter)));
        mvc.perform(get("/tickets").param("assignee", "ann").header("X-Tenant-Id", "globex"))
                .andExpect(content().json("[]"));

        // another tenant's id is a row the tenant does not have: 404, the same answer as for no row at all
        mvc.perform(get("/tickets/" + acmePrinter).header("X-Tenant-Id", "globex"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No Ticket with id " + acmePrinter));
        mvc.perform(put("/tickets/" + acmePrinter).header("X-Tenant-Id", "globex")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"mine now\",\"status\":\"CLOSED\",\"version\":0}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + acmePrinter).header("X-Tenant-Id", "acme"))
                .andExpect(jsonPath("$.title").value("Printer on fire"))
                .andExpect(jsonPath("$.status").value("OPEN"));
        assertEquals(2, owner.rows("ticket", "acme"));
        assertEquals(1, owner.rows("ticket", "globex"));
    }

    @Test
    void aMissingRowIsA404ProblemDetail() throws Exception {
        mvc.perform(get("/tickets/987654").header("X-Tenant-Id", "acme"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No Ticket with id 987654"))
                .andExpect(jsonPath("$.instance").value("/tickets/987654"));
    }

    @Test
    void aStaleVersionIsA409ProblemDetailAndChangesNothing() throws Exception {
        long id = open("initech", "Stapler missing", "milton");
        String update = "{\"title\":\"Stapler missing\",\"status\":\"IN_PROGRESS\",\"assignee\":\"bill\",\"version\":0}";
        mvc.perform(put("/tickets/" + id).header("X-Tenant-Id", "initech")
                        .contentType(MediaType.APPLICATION_JSON).content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/tickets/" + id).header("X-Tenant-Id", "initech")
                        .contentType(MediaType.APPLICATION_JSON).content(update.replace("bill", "peter")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "Ticket with id " + id + " was changed since it was read; read it again and retry"));
        mvc.perform(get("/tickets/" + id).header("X-Tenant-Id", "initech"))
                .andExpect(jsonPath("$.assignee").value("bill"));
        assertEquals(2, owner.rows("ticket_history", "initech"), "the insert and the one update");
    }

    @Test
    void commentsGoThroughTheirHookAndABulkCloseIsAudited() throws Exception {
        long first = open("umbrella", "Lab door stuck", "alice");
        open("umbrella", "Coffee machine", "alice");
        open("umbrella", "Badge reader", "carlos");
        mvc.perform(post("/tickets/" + first + "/comments").header("X-Tenant-Id", "umbrella")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"author\":\"alice\",\"body\":\"  on it  \"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.body").value("on it"));
        mvc.perform(get("/tickets/" + first + "/comments").header("X-Tenant-Id", "umbrella"))
                .andExpect(jsonPath("$[*].body").value(org.hamcrest.Matchers.contains("on it")));
        mvc.perform(post("/tickets/close").param("assignee", "alice").header("X-Tenant-Id", "umbrella"))
                .andExpect(content().string("2"));
        mvc.perform(get("/tickets").param("status", "CLOSED").header("X-Tenant-Id", "umbrella"))
                .andExpect(jsonPath("$[*].assignee").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("alice"))))
                .andExpect(jsonPath("$.length()").value(2));
        assertEquals(List.of("CLOSED", "CLOSED", "OPEN"), owner.jdbc().queryForList(
                "SELECT status FROM ticket WHERE tenant_id = 'umbrella' ORDER BY status", String.class));
        assertEquals(5, owner.rows("ticket_history", "umbrella"), "three inserts, two closes");
    }
}
