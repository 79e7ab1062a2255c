/** Helpers for generated code. Not public API: it may change in any release. */
package dev.tenantdao.runtime.internal;
