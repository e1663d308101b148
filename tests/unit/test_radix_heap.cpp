#include <doctest/doctest.h>

#include <queue>
#include <vector>

#include "fair_builder.hpp"
#include "scheduler/engine/radix_heap.hpp"

using jobfair::alloc::RadixHeap;
using jobfair::testing::TestRandom;

TEST_CASE("radix heap: entries come out by key, as a binary heap's do, under Dijkstra's use") {
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        TestRandom rng(seed);
        RadixHeap heap;
        using Entry = std::pair<long long, int>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> reference;
        long long last = 0;
        const long long steps[] = {0, 0, 1, 3, 1LL << 19, 1LL << 34, 1LL << 44};
        for (int round = 0; round < 2000; ++round) {
            // Like Dijkstra: pushes at or above the last key taken out, ties common.
            if (reference.empty() || rng.chance(55)) {
                const long long key = last + steps[rng.below(7)] * (1 + rng.below(3));
                heap.push(key, round);
                reference.push({key, round});
            } else {
                REQUIRE(heap.top_key() == reference.top().first);
                const auto [key, value] = heap.pop();
                CHECK(key == reference.top().first);
                (void)value;  // ties may come out in another order
                last = key;
                reference.pop();
            }
            CHECK(heap.size() == reference.size());
        }
        heap.clear();
        CHECK(heap.empty());
        heap.push(5, 1);  // a cleared heap starts again from key 0
        CHECK(heap.pop() == std::pair<long long, int>{5, 1});
    }
}
