/**
 * The {@code minigun} command line: a picocli {@link dev.minigun.cli.Main} with the {@code demo} job
 * (a census of the JDK's own sources: read, parsed on a thread pool, fingerprinted in worker
 * processes or on threads, enriched by a slow local HTTP service from virtual threads, batched and
 * stored in an embedded H2 database, shown live by the HUD) and {@code explain}, which prints the
 * demo's execution plan without running it.
 */
package dev.minigun.cli;
