package dev.minigun.hud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void oneAsciiLineWithProgressEtaErrorsAndEachStagesRateAndQueue() {
        assertThat(ProgressLine.format(Screens.censusPlan(), Screens.halfWay()))
                .isEqualTo("minigun jdk-census: running 12.3 s, 7,168 of 15,224 produced (47%), ETA 14 s, 969 queued,"
                        + " 2 errors | read 581/s | parse 560/s q 268/1024 | fingerprint 540/s q 500/1024"
                        + " | enrich 7.3/s q 200/1024 | batch 520/s q 0/1024 | store 1.0/s q 1/4");
    }

    @Test
    void vmRssIsReadInKilobytesFromProcStatus() {
        assertThat(ProcessMemory.parseVmRss("Name:\tjava\nVmPeak:\t  900 kB\nVmRSS:\t   73012 kB\nThreads: 9\n"))
                .isEqualTo(OptionalLong.of(73_012L * 1024));
        assertThat(ProcessMemory.parseVmRss("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void theRealProbeReadsThisJvmAndNothingForAProcessThatDoesNotExist() {
        long self = ProcessHandle.current().pid();
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
            assertThat(ProcessMemory.proc().residentBytes(self).orElseThrow()).isGreaterThan(1024 * 1024);
        }
        assertThat(ProcessMemory.proc().residentBytes(Long.MAX_VALUE)).isEmpty();
    }
}
