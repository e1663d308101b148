// A monotone priority queue for Dijkstra on non-negative integer distances.
//
// A re-plan's distances are tiered costs (a preference point, a kept interview, a slot) far apart,
// and near an optimum most arcs cost 0, so a search settles thousands of nodes at one distance. A
// binary heap pays log n for each of them; a radix heap keeps entries in buckets by the highest bit
// in which their key differs from the last key taken out, so entries equal to it come out of
// bucket 0 in constant time and each entry moves down at most 64 times over its life.
// Keys pushed must never be below the last key taken out (true of Dijkstra's distances).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace jobfair::alloc {

class RadixHeap {
  public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }

    void clear() {
        for (auto& bucket : buckets_)
            bucket.clear();
        last_ = 0;
        size_ = 0;
    }

    void push(long long key, int value) {
        buckets_[bucket_of(std::uint64_t(key))].push_back({std::uint64_t(key), value});
        ++size_;
    }

    // The smallest key. Not on an empty heap.
    long long top_key() {
        refill();
        return static_cast<long long>(last_);
    }

    // Takes out an entry with the smallest key. Not on an empty heap.
    std::pair<long long, int> pop() {
        refill();
        const auto [key, value] = buckets_[0].back();
        buckets_[0].pop_back();
        --size_;
        return {static_cast<long long>(key), value};
    }

  private:
    using Entry = std::pair<std::uint64_t, int>;

    std::size_t bucket_of(std::uint64_t key) const {
        return key == last_ ? 0 : std::size_t(64 - std::countl_zero(key ^ last_));
    }

    // Brings the smallest keys into bucket 0: the first bucket with entries holds the smallest
    // key, which becomes the new last key, and its entries spread into lower buckets.
    void refill() {
        if (!buckets_[0].empty()) return;
        std::size_t first = 1;
        while (buckets_[first].empty())
            ++first;
        std::uint64_t smallest = buckets_[first][0].first;
        for (const Entry& entry : buckets_[first])
            smallest = std::min(smallest, entry.first);
        last_ = smallest;
        std::vector<Entry> moving;
        moving.swap(buckets_[first]);
        for (const Entry& entry : moving)
            buckets_[bucket_of(entry.first)].push_back(entry);
        moving.clear();
        moving.swap(buckets_[first]);  // keep the bucket's memory for next time
    }

    std::array<std::vector<Entry>, 65> buckets_;
    std::uint64_t last_ = 0;
    std::size_t size_ = 0;
};

}  // namespace jobfair::alloc
