/** Entities whose tenant column is not text: uuid ({@link Project}) and bigint ({@link Ticket}). */
package dev.tenantdao.samples.keys;
