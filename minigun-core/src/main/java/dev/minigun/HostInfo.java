package dev.minigun;

/**
 * One machine-side place where a stage's batches run, as progress views show it: a member of the
 * cluster a {@code cluster(n)} stage runs on. A stage's contexts live in this JVM (the threads that
 * send its batches); its hosts are where the work happens, so a view shows both.
 *
 * @param stage the stage whose batches the host runs
 * @param address where the host is, like {@code 127.0.0.1:5701}
 * @param alive whether the host is still part of the run (false once it left or was lost)
 * @param items how many items it has run for the stage
 * @param rate items per second over the trailing seconds
 */
public record HostInfo(String stage, String address, boolean alive, long items, double rate) {}
