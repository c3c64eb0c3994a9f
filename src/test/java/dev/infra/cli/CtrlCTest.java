package dev.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CtrlCTest {
    @Test
    void theFirstCtrlCStopsTheRunAndTheSecondExitsAtOnceWith130() {
        var stops = new AtomicInteger();
        var exits = new ArrayList<Integer>();
        var ctrlC = new CtrlC(stops::incrementAndGet, exits::add);
        ctrlC.pressed();
        assertEquals(1, stops.get());
        assertEquals(List.of(), exits);
        ctrlC.pressed();
        ctrlC.pressed();
        assertEquals(1, stops.get(), "the run is asked to stop once");
        assertEquals(List.of(130, 130), exits);
    }
}
