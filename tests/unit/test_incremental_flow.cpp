#include <doctest/doctest.h>

#include "fair_builder.hpp"
#include "scheduler/engine/incremental_flow.hpp"

using jobfair::alloc::IncrementalFlow;
using jobfair::testing::TestRandom;

namespace {

// A random network with a source, a sink and a bypass arc between them, so it stays feasible
// whatever the other arcs become; costs of both signs.
IncrementalFlow random_network(TestRandom& rng, int nodes, int arcs, int supply) {
    IncrementalFlow flow;
    for (int v = 0; v < nodes; ++v)
        flow.add_node();
    flow.add_supply(0, supply);
    flow.add_supply(1, -supply);
    flow.set_arc(flow.add_arc(0, 1), supply, 0);
    for (int a = 0; a < arcs; ++a) {
        const int from = rng.below(nodes);
        int to = rng.below(nodes);
        if (to == from) to = (to + 1) % nodes;
        flow.set_arc(flow.add_arc(from, to), rng.below(4), rng.below(41) - 20);
    }
    return flow;
}

long long cost_from_scratch(const IncrementalFlow& flow) {
    IncrementalFlow fresh = flow;
    REQUIRE(fresh.solve_from_scratch());
    return fresh.total_cost();
}

}  // namespace

TEST_CASE("incremental flow: LEMON's flow and potentials are taken over as an optimum") {
    TestRandom rng(3);
    IncrementalFlow flow = random_network(rng, 30, 120, 12);
    REQUIRE(flow.solve_from_scratch());
    CHECK(flow.is_optimal());
    CHECK(flow.restore_optimality());  // nothing changed: nothing to do
    CHECK(flow.last_augmented_units() == 0);
}

TEST_CASE(
    "incremental flow: after random changes the repaired flow costs what a fresh solve does") {
    for (uint64_t seed = 1; seed <= 25; ++seed) {
        CAPTURE(seed);
        TestRandom rng(seed);
        const int nodes = 8 + int(seed % 20);
        IncrementalFlow flow = random_network(rng, nodes, nodes * 4, 5 + int(seed % 7));
        REQUIRE(flow.solve_from_scratch());
        for (int round = 0; round < 30; ++round) {
            CAPTURE(round);
            // One event's worth: a few arcs change capacity or cost, sometimes a new arc or node.
            const int changes = 1 + rng.below(4);
            for (int i = 0; i < changes; ++i) {
                const int arc = 1 + rng.below(flow.arc_count() - 1);  // never the bypass
                flow.set_arc(arc, rng.below(4),
                             rng.chance(50) ? flow.cost(arc) : rng.below(41) - 20);
            }
            if (rng.chance(20)) {
                const int fresh = flow.add_node();
                flow.set_arc(flow.add_arc(rng.below(fresh), fresh), 1 + rng.below(3),
                             rng.below(21) - 10);
                flow.set_arc(flow.add_arc(fresh, rng.below(fresh)), 1 + rng.below(3),
                             rng.below(21) - 10);
            }
            if (rng.chance(10)) {  // the supply moves (a student's room changes)
                flow.add_supply(0, 1);
                flow.add_supply(1, -1);
                flow.set_arc(0, flow.capacity(0) + 1, 0);
            }
            REQUIRE(flow.restore_optimality());
            CHECK(flow.is_optimal());
            CHECK(flow.total_cost() == cost_from_scratch(flow));
        }
    }
}

TEST_CASE("incremental flow: costs in far-apart tiers with many ties are repaired exactly") {
    // The re-plan's costs: most arcs cost 0 and the rest are a slot, a kept interview or a
    // preference point apart, so searches meet long runs of equal distances from both ends.
    const long long tiers[] = {0, 0, 0, 1, 2, 1LL << 20, 1LL << 40, -(1LL << 40)};
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        TestRandom rng(seed);
        const int nodes = 40 + int(seed % 7) * 20;
        IncrementalFlow flow;
        for (int v = 0; v < nodes; ++v)
            flow.add_node();
        const int supply = 10 + int(seed % 5) * 5;
        flow.add_supply(0, supply);
        flow.add_supply(1, -supply);
        flow.set_arc(flow.add_arc(0, 1), supply, 0);
        for (int a = 0; a < nodes * 4; ++a) {
            const int from = rng.below(nodes);
            const int to = (from + 1 + rng.below(nodes - 1)) % nodes;
            flow.set_arc(flow.add_arc(from, to), 1 + rng.below(3), tiers[rng.below(8)]);
        }
        REQUIRE(flow.solve_from_scratch());
        for (int round = 0; round < 25; ++round) {
            CAPTURE(round);
            const int changes = 1 + rng.below(6);
            for (int i = 0; i < changes; ++i) {
                const int arc = 1 + rng.below(flow.arc_count() - 1);
                flow.set_arc(arc, rng.below(4),
                             rng.chance(60) ? flow.cost(arc) : tiers[rng.below(8)]);
            }
            REQUIRE(flow.restore_optimality());
            CHECK(flow.is_optimal());
            CHECK(flow.total_cost() == cost_from_scratch(flow));
        }
    }
}

namespace {

// A fair-shaped network: students with a few booth-slot choices between a source and a sink,
// a bypass for the supply nobody takes, costs in tiers. Large enough that a repair's searches
// run long (in two threads).
IncrementalFlow fair_shaped_network(TestRandom& rng, int students, int slots) {
    IncrementalFlow flow;
    const int source = flow.add_node(), sink = flow.add_node();
    flow.add_supply(source, students);
    flow.add_supply(sink, -students);
    flow.set_arc(flow.add_arc(source, sink), students, 0);
    std::vector<int> slot_nodes;
    for (int k = 0; k < slots; ++k) {
        slot_nodes.push_back(flow.add_node());
        flow.set_arc(flow.add_arc(slot_nodes.back(), sink), 1 + rng.below(3), k % 4);
    }
    for (int s = 0; s < students; ++s) {
        const int student = flow.add_node();
        flow.set_arc(flow.add_arc(source, student), 1, -(1LL << 30));
        for (int choice = 0; choice < 4; ++choice) {
            flow.set_arc(flow.add_arc(student, slot_nodes[size_t(rng.below(slots))]), 1,
                         -(1LL << 20) * (4 - choice));
        }
    }
    return flow;
}

}  // namespace

TEST_CASE("incremental flow: long searches run in two threads and repair the same way every time") {
    TestRandom rng(11);
    const IncrementalFlow start = fair_shaped_network(rng, 6000, 900);
    IncrementalFlow first = start, second = start;
    REQUIRE(first.solve_from_scratch());
    REQUIRE(second.solve_from_scratch());
    int parallel = 0;
    for (int round = 0; round < 12; ++round) {
        CAPTURE(round);
        // A slot closes or opens, or a student's choice is blocked: the same in both copies.
        const int arc = 1 + rng.below(first.arc_count() - 1);
        const int capacity = first.capacity(arc) > 0 ? 0 : 1 + rng.below(3);
        for (IncrementalFlow* flow : {&first, &second})
            flow->set_arc(arc, capacity, flow->cost(arc));
        REQUIRE(first.restore_optimality());
        REQUIRE(second.restore_optimality());
        parallel += first.last_parallel_phases();
        CHECK(first.is_optimal());
        CHECK(first.total_cost() == cost_from_scratch(first));
        bool same = true;
        for (int a = 0; a < first.arc_count(); ++a)
            same = same && first.flow(a) == second.flow(a);
        CHECK(same);
    }
    CHECK(parallel > 0);  // the two-thread race was tried, not only the one-thread one
}
