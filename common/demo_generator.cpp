// The demo fair generator. Sections:
//   1. DemoRandom: a portable PRNG with integer-only draws
//   2. Tables: trades and their employers, enterprise and people's names, schools
//   3. Booths: trades, opening hours, seats fitted to the target seat-slots, caps
//   4. Students: names, trades, levels, schools, hours from their school's bus
//   5. Preferences: Zipf-like popularity, mostly among eligible booths
//   6. Fixed promises: interviews that jointly keep every hard rule
//   7. The public functions
//   8. Students' details: phones of the pre-registered students
#include "common/demo_generator.hpp"

#include "common/store.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/availability.hpp"
#include "common/occupations.hpp"
#include "common/text.hpp"

namespace jobfair {

namespace {

// ---- 1. DemoRandom ----------------------------------------------------------------------------

// splitmix64 spreads the seed over xoshiro256**'s state. Every draw below is integer-only, so the
// output depends neither on a standard library's distributions nor on floating-point rounding.
uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Independent streams per part of the fair, so that asking for fixed promises (or changing how
// preferences are drawn) leaves the booths and students of the same seed unchanged.
enum class Stream : uint64_t {
    booths = 1,
    students = 2,
    preferences = 3,
    promises = 4,
    details = 5,
};

class DemoRandom {
  public:
    DemoRandom(uint64_t seed, Stream stream) {
        uint64_t mix = seed ^ (static_cast<uint64_t>(stream) * 0xD1B54A32D192ED03ull);
        for (uint64_t& word : state_)
            word = splitmix64(mix);
    }

    uint64_t next() {
        const uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
        const uint64_t shifted = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= shifted;
        state_[3] = rotate_left(state_[3], 45);
        return result;
    }

    // Uniform in [0, bound) for bound > 0. Draws below 2^64 mod bound are rejected: no modulo bias.
    uint64_t below(uint64_t bound) {
        const uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const uint64_t draw = next();
            if (draw >= threshold) return draw % bound;
        }
    }
    size_t index_below(size_t bound) { return static_cast<size_t>(below(bound)); }
    // Uniform in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<uint64_t>(high - low) + 1));
    }
    bool chance(int numerator, int denominator) {
        return below(static_cast<uint64_t>(denominator)) < static_cast<uint64_t>(numerator);
    }
    // An index with probability weights[i] / sum(weights); the sum must be positive.
    size_t weighted(std::span<const uint64_t> weights) {
        uint64_t total = 0;
        for (uint64_t weight : weights)
            total += weight;
        uint64_t draw = below(total);
        for (size_t i = 0; i < weights.size(); ++i) {
            if (draw < weights[i]) return i;
            draw -= weights[i];
        }
        return weights.size() - 1;  // unreachable: draw < total
    }
    template <class Items>
    const auto& pick(const Items& items) {
        return items[index_below(std::size(items))];
    }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[index_below(i)]);
    }

  private:
    static uint64_t rotate_left(uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }
    std::array<uint64_t, 4> state_{};
};

// Items with integer weights, drawn by binary search over the running totals.
class WeightedPool {
  public:
    void add(int item, uint64_t weight) {
        items_.push_back(item);
        totals_.push_back((totals_.empty() ? 0 : totals_.back()) + weight);
    }
    bool empty() const { return items_.empty(); }
    std::span<const int> items() const { return items_; }
    uint64_t weight_at(size_t i) const { return totals_[i] - (i == 0 ? 0 : totals_[i - 1]); }
    int draw(DemoRandom& random) const {
        const uint64_t point = random.below(totals_.back());
        const auto it = std::upper_bound(totals_.begin(), totals_.end(), point);
        return items_[static_cast<size_t>(it - totals_.begin())];
    }

  private:
    std::vector<int> items_;
    std::vector<uint64_t> totals_;
};

// ---- 2. Tables --------------------------------------------------------------------------------

struct TradeProfile {
    std::string_view code;
    uint64_t booth_weight;                    // how often the trade leads a booth
    std::array<std::string_view, 3> related;  // trades the same employer also takes ("" = none)
    bool company;                             // named "Công ty <legal form> <kind> <brand>"
    std::array<std::string_view, 3> kinds;    // what the employer does, in its name
};

// Electronics, engineering and logistics lead, as at Song Khoai; Hai Phong's priority trades and
// Quang Ninh's key ones (automation, mechatronics, tourism) all appear.
constexpr std::array<TradeProfile, 14> kTradeProfiles{{
    {"industrial-electronics",
     6,
     {"industrial-electricity", "automation", "mechatronics"},
     true,
     {"Điện tử", "Linh kiện Điện tử", "Công nghệ Điện tử"}},
    {"industrial-electricity",
     4,
     {"industrial-electronics", "automation", ""},
     true,
     {"Thiết bị Điện", "Cơ điện", "Điện Công nghiệp"}},
    {"logistics",
     4,
     {"automotive-technology", "it-software-application", ""},
     true,
     {"Logistics", "Kho vận", "Vận tải Biển"}},
    {"mechatronics",
     3,
     {"automation", "metal-cutting", "industrial-electricity"},
     true,
     {"Cơ điện tử", "Thiết bị Công nghiệp", "Máy Công nghiệp"}},
    {"automation",
     3,
     {"mechatronics", "industrial-electronics", "it-software-application"},
     true,
     {"Tự động hóa", "Robot Công nghiệp", "Giải pháp Tự động hóa"}},
    {"welding",
     3,
     {"metal-cutting", "mechatronics", ""},
     true,
     {"Kết cấu Thép", "Cơ khí Chế tạo", "Đóng tàu"}},
    {"metal-cutting",
     2,
     {"welding", "mechatronics", ""},
     true,
     {"Cơ khí Chính xác", "Gia công Cơ khí", "Khuôn mẫu"}},
    {"automotive-technology",
     3,
     {"mechatronics", "industrial-electricity", "welding"},
     true,
     {"Ô tô", "Dịch vụ Ô tô", "Phụ tùng Ô tô"}},
    {"it-software-application",
     2,
     {"automation", "logistics", ""},
     true,
     {"Phần mềm", "Công nghệ Thông tin", "Giải pháp Số"}},
    {"garment-technology", 3, {"", "", ""}, true, {"May mặc", "Dệt may", "May Xuất khẩu"}},
    {"hotel-management",
     2,
     {"tourism-services", "", ""},
     false,
     {"Khách sạn", "Khu nghỉ dưỡng", "Khách sạn Quốc tế"}},
    {"tourism-services",
     1,
     {"hotel-management", "", ""},
     true,
     {"Du lịch", "Lữ hành", "Dịch vụ Du lịch"}},
    {"nursing",
     1,
     {"", "", ""},
     false,
     {"Bệnh viện Đa khoa", "Bệnh viện Quốc tế", "Phòng khám Đa khoa"}},
    {"brackish-water-aquaculture",
     1,
     {"", "", ""},
     true,
     {"Thủy sản", "Nuôi trồng Thủy sản", "Giống Thủy sản"}},
}};

// Trades the catalogue may gain later still get booths, under a generic employer.
constexpr TradeProfile kOtherTrade{
    "", 1, {"", "", ""}, true, {"Sản xuất", "Thương mại", "Dịch vụ"}};

// Employers that take any trade: labour-supply firms and groups hiring for many plants.
constexpr std::array<std::string_view, 3> kAnyTradeKinds{"Cung ứng Nhân lực", "Dịch vụ Việc làm",
                                                         "Đầu tư và Phát triển"};

constexpr std::array<std::string_view, 3> kLegalForms{"Công ty TNHH", "Công ty Cổ phần",
                                                      "Công ty TNHH MTV"};
constexpr std::array<std::string_view, 30> kBrandSyllables{
    "Hải",  "Đông", "Nam",  "Việt",  "Kim",  "Minh", "Phú",  "Thành", "Tân",    "Quang",
    "Hưng", "An",   "Long", "Thịnh", "Phát", "Bảo",  "Hòa",  "Đại",   "Trường", "Hoàng",
    "Sao",  "Hồng", "Thái", "Vạn",   "Á",    "Châu", "Bình", "Gia",   "Lộc",    "Tiến"};
constexpr std::array<std::string_view, 4> kPlaceSuffixes{"Việt Nam", "Quảng Ninh", "Hải Phòng",
                                                         "Hạ Long"};

// Family names with rough national frequencies (per thousand).
struct WeightedName {
    std::string_view name;
    uint64_t weight;
};
constexpr std::array<WeightedName, 16> kFamilyNames{{{"Nguyễn", 380},
                                                     {"Trần", 110},
                                                     {"Lê", 95},
                                                     {"Phạm", 70},
                                                     {"Hoàng", 50},
                                                     {"Phan", 45},
                                                     {"Vũ", 40},
                                                     {"Đặng", 21},
                                                     {"Bùi", 20},
                                                     {"Đỗ", 14},
                                                     {"Hồ", 13},
                                                     {"Ngô", 13},
                                                     {"Dương", 10},
                                                     {"Lý", 5},
                                                     {"Đinh", 8},
                                                     {"Mai", 6}}};
constexpr std::array<std::string_view, 11> kMaleMiddleNames{
    "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Tuấn", "Thanh", "Đình", "Mạnh"};
constexpr std::array<std::string_view, 11> kFemaleMiddleNames{
    "Thị", "Thu", "Ngọc", "Thanh", "Thùy", "Phương", "Thị Thu", "Thị Ngọc", "Minh", "Hồng", "Kim"};
constexpr std::array<std::string_view, 24> kMaleGivenNames{
    "An",  "Bình",  "Cường", "Dũng", "Đạt",  "Hải",   "Hiếu", "Hùng",
    "Huy", "Khánh", "Long",  "Minh", "Nam",  "Phong", "Quân", "Quang",
    "Sơn", "Thắng", "Thành", "Tuấn", "Tùng", "Việt",  "Vinh", "Trung"};
constexpr std::array<std::string_view, 24> kFemaleGivenNames{
    "Anh",   "Chi",   "Dung",  "Giang", "Hà",  "Hằng", "Hạnh",  "Hoa",
    "Hương", "Huyền", "Lan",   "Linh",  "Mai", "Ngọc", "Nhung", "Phương",
    "Quỳnh", "Thảo",  "Trang", "Vân",   "Yến", "Hiền", "Loan",  "Thủy"};

const TradeProfile& profile_of(std::string_view code) {
    for (const TradeProfile& profile : kTradeProfiles) {
        if (profile.code == code) return profile;
    }
    return kOtherTrade;
}

std::string padded_id(char prefix, int number, int width) {
    std::string digits = std::to_string(number);
    if (static_cast<int>(digits.size()) < width) {
        digits.insert(0, static_cast<size_t>(width) - digits.size(), '0');
    }
    return prefix + digits;
}

int digit_count(int number) {
    return static_cast<int>(std::to_string(number).size());
}

// Vocational schools around Song Khoai (Quang Ninh) and Hai Phong, with the trades each teaches
// and a weight for how many students it sends. The lists of students are fictional; the names
// follow the pattern of the region's schools. `general`: also takes students of general
// programmes, who have no trade.
struct DemoSchool {
    std::string_view name;
    uint64_t weight;
    bool general;
    std::array<std::string_view, 8> trades;  // "" = none
};
constexpr std::array<DemoSchool, 10> kDemoSchools{{
    {"Trường Cao đẳng Việt – Hàn Quảng Ninh",
     6,
     false,
     {"industrial-electronics", "industrial-electricity", "welding", "metal-cutting",
      "mechatronics", "automation", "automotive-technology", "it-software-application"}},
    {"Trường Cao đẳng Công nghiệp Cẩm Phả",
     5,
     false,
     {"industrial-electricity", "industrial-electronics", "welding", "metal-cutting",
      "automotive-technology", "mechatronics", "", ""}},
    {"Trường Cao đẳng Công nghiệp Hải Phòng",
     4,
     false,
     {"industrial-electronics", "automation", "mechatronics", "logistics",
      "it-software-application", "welding", "", ""}},
    {"Trường Trung cấp Nghề Hạ Long",
     3,
     true,
     {"welding", "industrial-electricity", "automotive-technology", "garment-technology",
      "hotel-management", "tourism-services", "", ""}},
    {"Trường Cao đẳng Hàng hải Hải Phòng",
     2,
     false,
     {"logistics", "welding", "industrial-electricity", "", "", "", "", ""}},
    {"Trường Cao đẳng Du lịch Hạ Long",
     3,
     false,
     {"hotel-management", "tourism-services", "", "", "", "", "", ""}},
    {"Trường Cao đẳng Y tế Quảng Ninh", 2, false, {"nursing", "", "", "", "", "", "", ""}},
    {"Trường Trung cấp Kinh tế – Kỹ thuật Uông Bí",
     2,
     false,
     {"garment-technology", "it-software-application", "logistics", "industrial-electricity", "",
      "", "", ""}},
    {"Trường Trung cấp Kỹ thuật Nông nghiệp Quảng Ninh",
     1,
     false,
     {"brackish-water-aquaculture", "", "", "", "", "", "", ""}},
    {"Trung tâm GDNN – GDTX Quảng Yên",
     1,
     true,
     {"garment-technology", "industrial-electricity", "welding", "", "", "", "", ""}},
}};

bool teaches(const DemoSchool& school, const std::optional<std::string>& trade) {
    if (!trade) return school.general;
    return !trade->empty() &&
           std::find(school.trades.begin(), school.trades.end(), *trade) != school.trades.end();
}

// ---- 3. Booths --------------------------------------------------------------------------------

constexpr int kMaxSeats = 6;
constexpr int kMinOpeningSlots = 8;  // a booth that trims its hours still stays two hours

// "Công ty TNHH Điện tử Hải Long" or "Bệnh viện Đa khoa Tân Phát": unique within the fair.
std::string enterprise_name(std::optional<std::string_view> lead_trade,
                            std::set<std::string>& taken, DemoRandom& random) {
    const TradeProfile& profile = lead_trade ? profile_of(*lead_trade) : kOtherTrade;
    const bool company = !lead_trade || profile.company;
    for (int attempt = 0;; ++attempt) {
        std::string name;
        if (company) {
            name.append(random.pick(kLegalForms)).push_back(' ');
        }
        name.append(lead_trade ? random.pick(profile.kinds) : random.pick(kAnyTradeKinds));
        const size_t first = random.index_below(kBrandSyllables.size());
        const size_t second =
            (first + 1 + random.index_below(kBrandSyllables.size() - 1)) % kBrandSyllables.size();
        name.append(" ").append(kBrandSyllables[first]).append(" ").append(kBrandSyllables[second]);
        if (company && random.chance(1, 3)) {
            name.append(" ").append(random.pick(kPlaceSuffixes));
        }
        // After many collisions (only at the largest scales) a branch number keeps it unique.
        if (attempt >= 20) name.append(" - Chi nhánh ").append(std::to_string(attempt - 18));
        if (taken.insert(name).second) return name;
    }
}

std::vector<std::string> booth_trades(std::string_view lead, DemoRandom& random) {
    std::vector<std::string> trades{std::string(lead)};
    std::vector<std::string_view> related;
    for (std::string_view code : profile_of(lead).related) {
        if (!code.empty() && find_occupation(code)) related.push_back(code);
    }
    random.shuffle(related);
    const int extra = random.chance(35, 100) ? 0 : (random.chance(60, 100) ? 1 : 2);
    for (int i = 0; i < extra && i < static_cast<int>(related.size()); ++i) {
        trades.emplace_back(related[static_cast<size_t>(i)]);
    }
    return trades;
}

// Most booths keep the fair's hours; some open late or close early (at times off the grid too,
// like 08:10), a few pause for a quarter of an hour.
void shape_opening_hours(Booth& booth, const SlotGrid& grid, DemoRandom& random) {
    const int open_roll = random.between(1, 100);
    int open_delay = 0;
    if (open_roll > 97) {
        open_delay = random.between(5, 25);
    } else if (open_roll > 94) {
        open_delay = 60;
    } else if (open_roll > 90) {
        open_delay = 30;
    }
    const int close_roll = random.between(1, 100);
    int close_advance = 0;
    if (close_roll > 97) {
        close_advance = random.between(10, 20);
    } else if (close_roll > 94) {
        close_advance = 60;
    } else if (close_roll > 90) {
        close_advance = 30;
    }
    booth.open = grid.day_start.plus_minutes(open_delay);
    booth.close = grid.day_end.plus_minutes(-close_advance);

    const int break_roll = random.between(1, 100);
    if (break_roll > 85) {
        // A quarter-hour pause starting between 09:30 and 11:10; the off-grid ones cost two
        // slots. The latest opening (09:00) and earliest closing (11:30) drawn here enclose it.
        int start = grid.slot_minutes * random.between(6, 12);
        if (break_roll > 95) start += 5 * random.between(1, 2);
        const TimeOfDay begin = grid.day_start.plus_minutes(start);
        booth.breaks.push_back({begin, begin.plus_minutes(15)});
    }
}

// Drops one seat, or one slot at either end of the opening hours; false when the booth is
// already at its smallest.
bool shrink_booth(Booth& booth, const FairSettings& settings, DemoRandom& random) {
    if (booth.interviewers > 1) {
        --booth.interviewers;
        return true;
    }
    const std::vector<int> usable = usable_slots(settings, booth);
    if (static_cast<int>(usable.size()) <= kMinOpeningSlots) return false;
    const SlotGrid& grid = settings.grid;
    if (random.chance(1, 2)) {
        booth.open = grid.slot_start(usable.front() + 1);
    } else {
        booth.close = grid.slot_end(usable.back() - 1);
    }
    // A pause now outside the opening hours would only confuse the booth's staff.
    std::erase_if(booth.breaks, [&](const TimeRange& pause) {
        return pause.end <= booth.open || booth.close <= pause.begin;
    });
    return true;
}

bool add_seat(Booth& booth) {
    if (booth.interviewers >= kMaxSeats) return false;
    ++booth.interviewers;
    return true;
}

// Opens one slot earlier or closes one slot later, staying inside the fair's day.
bool lengthen_hours(Booth& booth, const FairSettings& settings, DemoRandom& random) {
    const std::vector<int> usable = usable_slots(settings, booth);
    if (usable.empty()) return false;
    const SlotGrid& grid = settings.grid;
    const bool can_open_earlier = usable.front() > 0;
    const bool can_close_later = usable.back() + 1 < grid.slot_count();
    if (!can_open_earlier && !can_close_later) return false;
    if (can_open_earlier && (!can_close_later || random.chance(1, 2))) {
        booth.open = grid.slot_start(usable.front() - 1);
    } else {
        booth.close = grid.slot_end(usable.back() + 1);
    }
    return true;
}

bool keeps_full_day(const Booth& booth, const SlotGrid& grid) {
    return booth.open <= grid.day_start && grid.day_end <= booth.close;
}

// Adds seats and hours (or trims them) until the fair's seat-slots are as close to the target as
// single changes can bring them. Each accepted change strictly shrinks the distance, so it ends.
void fit_seat_slots(std::vector<Booth>& booths, const FairSettings& settings, int target,
                    DemoRandom& random) {
    int total = 0;
    for (const Booth& booth : booths)
        total += seat_slots(settings, booth);
    const size_t count = booths.size();
    for (;;) {
        const int distance = target - total;
        if (distance == 0) return;
        bool changed = false;
        const size_t first = random.index_below(count);
        // Hours change first at booths whose hours are already short, so that most booths keep
        // the fair's whole morning; full-day booths change hours only when nothing else helps.
        for (int pass = 0; pass < 2 && !changed; ++pass) {
            for (size_t k = 0; k < count && !changed; ++k) {
                Booth& booth = booths[(first + k) % count];
                const bool hours_may_change = pass == 1 || !keeps_full_day(booth, settings.grid);
                const int before = seat_slots(settings, booth);
                // To grow: another seat, else one more slot of opening hours. To shrink: see
                // shrink_booth.
                for (int way = 0; way < (distance > 0 ? 2 : 1) && !changed; ++way) {
                    const bool changes_hours = distance < 0 ? booth.interviewers == 1 : way == 1;
                    if (changes_hours && !hours_may_change) continue;
                    Booth candidate = booth;
                    const bool applied = distance < 0 ? shrink_booth(candidate, settings, random)
                                         : way == 0   ? add_seat(candidate)
                                                      : lengthen_hours(candidate, settings, random);
                    if (!applied) continue;
                    const int change = seat_slots(settings, candidate) - before;
                    if (std::abs(distance - change) >= std::abs(distance)) continue;
                    booth = std::move(candidate);
                    total += change;
                    changed = true;
                }
            }
        }
        if (!changed) return;
    }
}

struct BoothsWithDemand {
    std::vector<Booth> booths;
    std::vector<uint64_t> popularity;  // Zipf-like weight: how many students want the booth
};

BoothsWithDemand build_booths(int count, const FairSettings& settings, int target_seat_slots,
                              DemoRandom& random) {
    const auto catalogue = occupation_catalogue();

    // Which trade leads each booth: a few take any trade, every trade gets a booth (while booths
    // last), the rest follow the trades' weights.
    const int any_trade_booths = std::min(count, std::max(2, count / 10));
    std::vector<std::optional<std::string_view>> leads(static_cast<size_t>(any_trade_booths));
    std::vector<uint64_t> lead_weights;
    for (const Occupation& occupation : catalogue) {
        lead_weights.push_back(profile_of(occupation.code).booth_weight);
    }
    for (size_t i = 0; static_cast<int>(leads.size()) < count; ++i) {
        const size_t trade = i < catalogue.size() ? i : random.weighted(lead_weights);
        leads.emplace_back(catalogue[trade].code);
    }
    random.shuffle(leads);

    BoothsWithDemand result;
    std::set<std::string> taken_names;
    const int id_width = std::max(2, digit_count(count));
    for (int i = 0; i < count; ++i) {
        const std::optional<std::string_view> lead = leads[static_cast<size_t>(i)];
        Booth booth;
        booth.id = BoothId(padded_id('B', i + 1, id_width));
        booth.enterprise = enterprise_name(lead, taken_names, random);
        if (lead) booth.occupations = booth_trades(*lead, random);
        // Labour-supply firms take anyone; hospitals often want college-trained nurses.
        if (lead && *lead == "nursing" && random.chance(1, 2)) {
            booth.min_level = Level::college;
        } else if (lead) {
            const int roll = random.between(1, 100);
            if (roll > 93) {
                booth.min_level = Level::college;
            } else if (roll > 75) {
                booth.min_level = Level::intermediate;
            }
        }
        shape_opening_hours(booth, settings.grid, random);
        result.booths.push_back(std::move(booth));
    }

    // Popularity: the booth of rank r gets weight 1/r. The big names bring a third interviewer,
    // the next ones a second: they expect the queues.
    std::vector<int> ranks(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        ranks[static_cast<size_t>(i)] = i + 1;
    random.shuffle(ranks);
    for (int i = 0; i < count; ++i) {
        const int rank = ranks[static_cast<size_t>(i)];
        result.popularity.push_back(1'000'000 / static_cast<uint64_t>(rank));
        Booth& booth = result.booths[static_cast<size_t>(i)];
        if (rank * 100 <= count * 10) {
            booth.interviewers = 3;
        } else if (rank * 100 <= count * 30) {
            booth.interviewers = 2;
        }
    }

    fit_seat_slots(result.booths, settings, target_seat_slots, random);

    // Some enterprises cap their day below what their seats could hold.
    for (Booth& booth : result.booths) {
        if (!random.chance(1, 5)) continue;
        const int capacity = seat_slots(settings, booth);
        booth.max_interviews = std::max(4, capacity * random.between(55, 85) / 100);
    }
    return result;
}

// ---- 4. Students ------------------------------------------------------------------------------

std::string student_name(DemoRandom& random) {
    std::vector<uint64_t> family_weights;
    for (const WeightedName& family : kFamilyNames)
        family_weights.push_back(family.weight);
    std::string name(kFamilyNames[random.weighted(family_weights)].name);
    const bool female = random.chance(1, 2);
    name.append(" ").append(female ? random.pick(kFemaleMiddleNames)
                                   : random.pick(kMaleMiddleNames));
    name.append(" ").append(female ? random.pick(kFemaleGivenNames) : random.pick(kMaleGivenNames));
    return name;
}

// A school's bus: the group one school (or, at larger scales, one of its campuses) brings to the
// fair, and when it arrives and leaves. Its students share these times (contract v1.1).
struct SchoolBus {
    size_t school = 0;  // into kDemoSchools
    std::string name;
    TimeOfDay arrive;
    TimeOfDay leave;
};

constexpr int kFirstBusArrival = -15;    // minutes after the day's start: 07:45
constexpr int kLastBusArrival = 150;     // 10:30
constexpr int kEarlyReturnPercent = 30;  // buses that go back before the end
constexpr int kOwnArrivalPercent = 7;    // come by themselves: from an internship, by motorbike
constexpr int kOwnLeavePercent = 5;      // leave before their bus: a shift, an errand

// One bus per school and campus. Arrivals are spread over the morning from 07:45 to 10:30,
// denser early: the k-th of n buses (in a shuffled order) comes in the stratum starting
// 165 * k * (n + k) / (2 n^2) minutes after 07:45, so half are in by about 09:00. Times are
// announced to five minutes.
std::vector<SchoolBus> schedule_buses(int scale, const SlotGrid& grid, DemoRandom& random) {
    const int campuses = scale;
    const int count = static_cast<int>(kDemoSchools.size()) * campuses;
    std::vector<int> order(static_cast<size_t>(count));
    for (int k = 0; k < count; ++k)
        order[static_cast<size_t>(k)] = k;
    random.shuffle(order);
    const int day_length = grid.day_end.minutes() - grid.day_start.minutes();

    std::vector<SchoolBus> buses;
    for (int g = 0; g < count; ++g) {
        SchoolBus bus;
        bus.school = static_cast<size_t>(g / campuses);
        const int campus = g % campuses;
        bus.name = std::string(kDemoSchools[bus.school].name);
        if (campus > 0) bus.name += " – Cơ sở " + std::to_string(campus + 1);

        const int k = order[static_cast<size_t>(g)];
        const int span = kLastBusArrival - kFirstBusArrival;
        const int from = kFirstBusArrival + span * k * (count + k) / (2 * count * count);
        const int to = kFirstBusArrival + span * (k + 1) * (count + k + 1) / (2 * count * count);
        int arrive = random.between(from, std::max(from, to));
        arrive -= (arrive - kFirstBusArrival) % 5;
        // A bus in before the day starts: its students are there from the start.
        arrive = std::max(arrive, 0);
        bus.arrive = grid.day_start.plus_minutes(arrive);
        bus.leave = grid.day_end;
        buses.push_back(std::move(bus));
    }
    // Some buses go back by lunch (afternoon classes, a long road home): three in ten, chosen
    // among those in by 09:30, leave at 11:00 to 12:00 after at least two and a half hours.
    std::vector<size_t> early_enough;
    for (size_t b = 0; b < buses.size(); ++b) {
        if (buses[b].arrive.minutes() - grid.day_start.minutes() <= 90) early_enough.push_back(b);
    }
    random.shuffle(early_enough);
    const size_t returning = std::min(
        early_enough.size(), std::max<size_t>(1, buses.size() * kEarlyReturnPercent / 100));
    for (size_t r = 0; r < returning; ++r) {
        SchoolBus& bus = buses[early_enough[r]];
        const int arrive = bus.arrive.minutes() - grid.day_start.minutes();
        const int earliest = std::max(arrive + 150, 180);
        const int latest = std::min(240, day_length - 30);
        if (earliest > latest) continue;
        bus.leave =
            grid.day_start.plus_minutes(15 * random.between((earliest + 14) / 15, latest / 15));
    }
    return buses;
}

// The school a student comes with: one that teaches their trade (by how many students each
// sends), then one of its campuses.
size_t choose_bus(const Student& student, int campuses, DemoRandom& random) {
    std::vector<size_t> schools;
    std::vector<uint64_t> weights;
    for (size_t s = 0; s < kDemoSchools.size(); ++s) {
        if (!teaches(kDemoSchools[s], student.occupation)) continue;
        schools.push_back(s);
        weights.push_back(kDemoSchools[s].weight);
    }
    if (schools.empty()) {  // a trade outside the catalogue: the schools taking anyone
        for (size_t s = 0; s < kDemoSchools.size(); ++s) {
            if (!kDemoSchools[s].general) continue;
            schools.push_back(s);
            weights.push_back(kDemoSchools[s].weight);
        }
    }
    const size_t school = schools[random.weighted(weights)];
    return school * static_cast<size_t>(campuses) +
           random.index_below(static_cast<size_t>(campuses));
}

// Students keep their bus's times, except a few who come by themselves (at any minute until
// 11:00) or leave before their bus (at least an hour after arriving).
void shape_student_hours(Student& student, const SchoolBus& bus, const SlotGrid& grid,
                         DemoRandom& random) {
    student.arrive = bus.arrive;
    student.leave = bus.leave;
    if (random.chance(kOwnArrivalPercent, 100)) {
        student.arrive = grid.day_start.plus_minutes(random.between(0, 180));
    }
    if (random.chance(kOwnLeavePercent, 100)) {
        const int arrive = student.arrive.minutes() - grid.day_start.minutes();
        const int latest = std::min(student.leave.minutes(), grid.day_end.minutes() - 10) -
                           grid.day_start.minutes();
        const int earliest = std::max(arrive + 60, 90);  // not before 09:30
        if (earliest <= latest)
            student.leave = grid.day_start.plus_minutes(random.between(earliest, latest));
    }
    // Someone coming by themselves after their bus has left goes home at the day's end.
    if (student.leave <= student.arrive.plus_minutes(60)) student.leave = grid.day_end;
}

std::vector<Student> build_students(int count, int scale, const FairSettings& settings,
                                    const std::vector<Booth>& booths, DemoRandom& random) {
    // Schools train for the trades employers ask for: a trade's weight follows its booths.
    const auto catalogue = occupation_catalogue();
    std::vector<uint64_t> trade_weights(catalogue.size(), 1);
    for (const Booth& booth : booths) {
        for (size_t t = 0; t < booth.occupations.size(); ++t) {
            for (size_t c = 0; c < catalogue.size(); ++c) {
                if (catalogue[c].code == booth.occupations[t]) trade_weights[c] += t == 0 ? 2 : 1;
            }
        }
    }
    constexpr std::array<uint64_t, 4> kLevelWeights{10, 48, 38, 4};  // none .. university
    const std::vector<SchoolBus> buses = schedule_buses(scale, settings.grid, random);

    std::vector<Student> students;
    students.reserve(static_cast<size_t>(count));
    const int id_width = std::max(4, digit_count(count));
    for (int i = 0; i < count; ++i) {
        Student student;
        student.id = StudentId(padded_id('S', i + 1, id_width));
        student.name = student_name(random);
        // A few come from general programmes without a trade: only any-trade booths suit them.
        if (!random.chance(2, 100)) {
            student.occupation = std::string(catalogue[random.weighted(trade_weights)].code);
        }
        student.level = static_cast<Level>(random.weighted(kLevelWeights));
        const SchoolBus& bus = buses[choose_bus(student, scale, random)];
        student.school = bus.name;
        shape_student_hours(student, bus, settings.grid, random);
        if (random.chance(6, 100)) student.max_interviews = 2;
        students.push_back(std::move(student));
    }
    return students;
}

// ---- 5. Preferences ---------------------------------------------------------------------------

constexpr std::array<uint64_t, 4> kPreferenceCountWeights{20, 35, 27, 18};  // 2, 3, 4, 5 booths
constexpr int kStrayPreferencePercent = 5;  // preferences for a booth the student may not meet

// Draws a booth from `pool` that is not chosen yet and passes `accept`; nullopt when none can.
template <class Accept>
std::optional<int> draw_new_booth(const WeightedPool& pool, const std::vector<int>& chosen,
                                  Accept&& accept, DemoRandom& random) {
    if (pool.empty()) return std::nullopt;
    const auto fits = [&](int booth) {
        return std::find(chosen.begin(), chosen.end(), booth) == chosen.end() && accept(booth);
    };
    // Rejection is fast while popular booths are still free; the scan below settles the rest.
    for (int attempt = 0; attempt < 32; ++attempt) {
        const int booth = pool.draw(random);
        if (fits(booth)) return booth;
    }
    std::vector<int> left;
    std::vector<uint64_t> weights;
    for (size_t i = 0; i < pool.items().size(); ++i) {
        if (!fits(pool.items()[i])) continue;
        left.push_back(pool.items()[i]);
        weights.push_back(pool.weight_at(i));
    }
    if (left.empty()) return std::nullopt;
    return left[random.weighted(weights)];
}

void draw_preferences(std::vector<Student>& students, const BoothsWithDemand& fair_booths,
                      DemoRandom& random) {
    const std::vector<Booth>& booths = fair_booths.booths;
    WeightedPool all_booths;
    for (size_t b = 0; b < booths.size(); ++b) {
        all_booths.add(static_cast<int>(b), fair_booths.popularity[b]);
    }
    // Students of one trade and level share their eligible booths: build each pool once.
    std::map<std::pair<std::optional<std::string>, Level>, WeightedPool> eligible_pools;

    for (Student& student : students) {
        const auto key = std::make_pair(student.occupation, student.level);
        auto pool_it = eligible_pools.find(key);
        if (pool_it == eligible_pools.end()) {
            WeightedPool pool;
            for (size_t b = 0; b < booths.size(); ++b) {
                if (!is_eligible(student, booths[b])) continue;
                // A trained student looks first for employers of the trade: the labour-supply
                // firms that take anyone are a fallback, not a favourite.
                const bool any_trade = booths[b].occupations.empty();
                const uint64_t damping = any_trade && student.occupation ? 10 : 1;
                pool.add(static_cast<int>(b), fair_booths.popularity[b] / damping);
            }
            pool_it = eligible_pools.emplace(key, std::move(pool)).first;
        }
        const WeightedPool& eligible = pool_it->second;
        const auto anything = [](int) { return true; };
        const auto ineligible = [&](int b) {
            return !is_eligible(student, booths[static_cast<size_t>(b)]);
        };

        const int wanted = 2 + static_cast<int>(random.weighted(kPreferenceCountWeights));
        std::vector<int> chosen;
        for (int n = 0; n < wanted; ++n) {
            std::optional<int> booth;
            if (random.chance(kStrayPreferencePercent, 100)) {
                booth = draw_new_booth(all_booths, chosen, ineligible, random);
            }
            if (!booth) booth = draw_new_booth(eligible, chosen, anything, random);
            // Fewer eligible booths than wishes: the student names others anyway.
            if (!booth) booth = draw_new_booth(all_booths, chosen, anything, random);
            if (booth) chosen.push_back(*booth);
        }
        for (int b : chosen)
            student.preferences.push_back(booths[static_cast<size_t>(b)].id);
    }
}

// ---- 6. Fixed promises ------------------------------------------------------------------------

// Places `count` interviews that keep rules 1-6 jointly (rule 7 then holds by construction):
// each pass gives every student, in a shuffled order, at most one more promise.
std::vector<Interview> promise_interviews(const Fair& fair, int count, DemoRandom& random) {
    const FairSettings& settings = fair.settings;
    const SlotGrid& grid = settings.grid;
    const int slot_count = grid.slot_count();

    std::unordered_map<BoothId, size_t> booth_index;
    std::vector<std::vector<int>> booth_slots;  // usable slots per booth
    std::vector<std::vector<char>> seat_taken;  // [booth][seat * slot_count + slot]
    std::vector<int> booth_promises(fair.booths.size(), 0);
    for (size_t b = 0; b < fair.booths.size(); ++b) {
        booth_index.emplace(fair.booths[b].id, b);
        booth_slots.push_back(usable_slots(settings, fair.booths[b]));
        seat_taken.emplace_back(static_cast<size_t>(fair.booths[b].seats() * slot_count), 0);
    }
    std::vector<std::vector<int>> student_slots(fair.students.size());
    std::vector<std::vector<size_t>> student_booths(fair.students.size());

    const auto try_promise = [&](size_t s) -> std::optional<Interview> {
        const Student& student = fair.students[s];
        // Rule 6: the student's cap.
        if (static_cast<int>(student_slots[s].size()) >= fair.max_interviews_of(student)) {
            return std::nullopt;
        }
        const int window_begin = grid.first_slot_starting_at_or_after(student.arrive);
        const int window_end = grid.slots_ending_by(student.leave);
        // Rule 5: only booths the student asked for, most wanted first, each met at most once.
        for (const BoothId& id : student.preferences) {
            const size_t b = booth_index.at(id);
            const Booth& booth = fair.booths[b];
            const auto& met = student_booths[s];
            if (std::find(met.begin(), met.end(), b) != met.end()) continue;
            // Rule 4: eligible. Rule 6: the booth's cap.
            if (!is_eligible(student, booth)) continue;
            if (booth.max_interviews && booth_promises[b] >= *booth.max_interviews) continue;
            std::vector<int> candidates;
            for (int slot : booth_slots[b]) {
                // Rule 3: inside the student's hours (the booth's hours hold for usable slots).
                if (slot < window_begin || slot >= window_end) continue;
                // Rule 2: one interview per slot, with the fair's gap between two.
                const bool clashes =
                    std::any_of(student_slots[s].begin(), student_slots[s].end(), [&](int other) {
                        return std::abs(slot - other) - 1 < settings.student_gap_slots;
                    });
                if (!clashes) candidates.push_back(slot);
            }
            random.shuffle(candidates);
            for (int slot : candidates) {
                // Rule 1: one interview per seat per slot.
                for (int seat = 0; seat < booth.seats(); ++seat) {
                    char& taken = seat_taken[b][static_cast<size_t>(seat * slot_count + slot)];
                    if (taken) continue;
                    taken = 1;
                    ++booth_promises[b];
                    student_slots[s].push_back(slot);
                    student_booths[s].push_back(b);
                    return Interview{student.id, booth.id, seat, grid.slot_start(slot)};
                }
            }
        }
        return std::nullopt;
    };

    std::vector<size_t> order(fair.students.size());
    for (size_t s = 0; s < order.size(); ++s)
        order[s] = s;
    random.shuffle(order);

    std::vector<Interview> promises;
    while (static_cast<int>(promises.size()) < count) {
        const size_t before = promises.size();
        for (size_t s : order) {
            if (static_cast<int>(promises.size()) == count) break;
            if (auto interview = try_promise(s)) promises.push_back(std::move(*interview));
        }
        if (promises.size() == before) {
            throw std::invalid_argument("cannot promise " + std::to_string(count) +
                                        " interviews in this fair: only " +
                                        std::to_string(promises.size()) + " fit together");
        }
    }
    std::sort(promises.begin(), promises.end(), [](const Interview& a, const Interview& b) {
        return std::tie(a.start, a.booth, a.seat) < std::tie(b.start, b.booth, b.seat);
    });
    return promises;
}

// A class as schools write them: level, trade initials, intake year ("CĐ ĐTCN K23").
std::string demo_class(const Student& student) {
    std::string name;
    switch (student.level) {
        case Level::none:
            name = "SC";
            break;
        case Level::intermediate:
            name = "TC";
            break;
        case Level::college:
            name = "CĐ";
            break;
        case Level::university:
            name = "ĐH";
            break;
    }
    name += ' ';
    const std::string trade =
        student.occupation ? occupation_display_name(*student.occupation, true) : "Tổng hợp";
    bool word_start = true;
    for (const char32_t letter : to_code_points(trade)) {
        if (letter == U' ' || letter == U'-' || letter == U'(' || letter == U')') {
            word_start = true;
            continue;
        }
        if (!word_start) continue;
        word_start = false;
        char32_t upper = letter;
        if (letter >= U'a' && letter <= U'z') upper = letter - 0x20;
        if (letter == U'đ') upper = U'Đ';
        if (letter >= 0xE0 && letter <= 0xFE && letter != 0xF7) upper = letter - 0x20;
        append_utf8(name, upper);
    }
    // The schools bring their final-year classes: the third year of a college course (intake
    // 2022), the second of the shorter ones (intake 2023).
    name += student.level == Level::college || student.level == Level::university ? " K22" : " K23";
    return name;
}

std::string fair_name(int scale) {
    std::string name = "Ngày hội việc làm Khu công nghiệp Sông Khoai 2025";
    if (scale != 1) name += " (mô phỏng quy mô x" + std::to_string(scale) + ")";
    return name;
}

}  // namespace

// ---- 7. Public functions ----------------------------------------------------------------------

int target_seat_slots(const GeneratorOptions& options) {
    // Seat-slots per student. The seed fair: 7 for every 8 students (700 for 800). At Song
    // Khoai more than 500 of 800 students' interviews took place in one morning; a seat-slot
    // serves at most one interview, and on the day some are always lost (students who did not
    // come, no-shows when called, interviews that overrun, booths that cap their day or pause),
    // so the booths must offer well above 500 but far from one per wish (students name 2 to 5
    // booths): at 7 per 8 students the popular booths are full all morning and the others busy.
    // Tight: three quarters of that; loose: twice as much.
    int numerator = 7;
    int denominator = 8;
    if (options.tightness == GeneratorOptions::Tightness::tight) {
        numerator = 21;
        denominator = 32;
    } else if (options.tightness == GeneratorOptions::Tightness::loose) {
        numerator = 7;
        denominator = 4;
    }
    const int students = kDemoStudentsPerScale * options.scale;
    return (students * numerator + denominator / 2) / denominator;
}

Fair generate_demo_fair(const GeneratorOptions& options) {
    if (options.scale < 1 || options.scale > 100) {
        throw std::invalid_argument("scale must be between 1 and 100, not " +
                                    std::to_string(options.scale));
    }
    if (options.fixed_promises < 0) {
        throw std::invalid_argument("the number of fixed promises cannot be negative");
    }

    Fair fair;
    fair.settings.name = fair_name(options.scale);
    fair.settings.grid = SlotGrid{TimeOfDay::hm(8, 0), TimeOfDay::hm(12, 30), 15};
    fair.settings.student_gap_slots = 0;
    fair.settings.max_interviews_per_student = 3;

    DemoRandom booth_random(options.seed, Stream::booths);
    BoothsWithDemand booths = build_booths(kDemoBoothsPerScale * options.scale, fair.settings,
                                           target_seat_slots(options), booth_random);

    DemoRandom student_random(options.seed, Stream::students);
    fair.students = build_students(kDemoStudentsPerScale * options.scale, options.scale,
                                   fair.settings, booths.booths, student_random);

    DemoRandom preference_random(options.seed, Stream::preferences);
    draw_preferences(fair.students, booths, preference_random);
    fair.booths = std::move(booths.booths);

    DemoRandom promise_random(options.seed, Stream::promises);
    fair.fixed = promise_interviews(fair, options.fixed_promises, promise_random);

    // Contract v1.1: the day, the place, and each student's class (the school came with the bus).
    fair.settings.date = "2025-03-14";
    fair.settings.venue = "Khu công nghiệp Sông Khoai, thị xã Quảng Yên, Quảng Ninh";
    fair.settings.organizer = "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh";
    for (Student& student : fair.students)
        student.class_name = demo_class(student);
    return fair;
}

DemandFigures demand_figures(const Fair& fair) {
    DemandFigures figures;
    std::unordered_map<BoothId, size_t> booth_index;
    for (size_t b = 0; b < fair.booths.size(); ++b)
        booth_index.emplace(fair.booths[b].id, b);

    std::vector<int> wanted(fair.booths.size(), 0);
    for (const Student& student : fair.students) {
        for (const BoothId& id : student.preferences) {
            const auto it = booth_index.find(id);
            if (it == booth_index.end()) continue;
            ++wanted[it->second];
            if (!is_eligible(student, fair.booths[it->second])) ++figures.ineligible_preferences;
        }
    }
    for (size_t b = 0; b < fair.booths.size(); ++b) {
        const Booth& booth = fair.booths[b];
        int capacity = seat_slots(fair.settings, booth);
        if (booth.max_interviews) capacity = std::min(capacity, *booth.max_interviews);
        figures.interview_capacity += capacity;
        if (wanted[b] > capacity) ++figures.oversubscribed_booths;
    }
    return figures;
}

// ---- 8. Students' details ---------------------------------------------------------------------

namespace {

// Mobile prefixes of the networks (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile), weighted
// roughly by their share of subscribers.
struct WeightedPrefix {
    std::string_view prefix;
    uint64_t weight;
};
constexpr std::array<WeightedPrefix, 26> kMobilePrefixes{{
    {"096", 8}, {"097", 9}, {"098", 9}, {"086", 6}, {"032", 3}, {"033", 3}, {"034", 3},
    {"035", 3}, {"036", 3}, {"037", 3}, {"038", 3}, {"039", 3}, {"091", 6}, {"094", 5},
    {"088", 3}, {"083", 2}, {"085", 2}, {"090", 6}, {"093", 5}, {"089", 2}, {"070", 2},
    {"077", 2}, {"079", 2}, {"092", 1}, {"056", 1}, {"099", 1},
}};
constexpr int kNoPhonePercent = 3;  // a few lists leave the phone blank

std::string mobile_number(DemoRandom& random) {
    std::vector<uint64_t> weights;
    for (const WeightedPrefix& prefix : kMobilePrefixes)
        weights.push_back(prefix.weight);
    std::string number(kMobilePrefixes[random.weighted(weights)].prefix);
    for (int digit = 0; digit < 7; ++digit)
        number.push_back(static_cast<char>('0' + random.below(10)));
    return number;
}

// For a fair whose students name no school: one that teaches the student's trade.
std::string listed_school(const Student& student, DemoRandom& random) {
    return std::string(kDemoSchools[choose_bus(student, 1, random)].name);
}

}  // namespace

std::vector<DemoStudentDetails> generate_demo_student_details(const Fair& fair, uint64_t seed) {
    DemoRandom random(seed, Stream::details);
    std::vector<DemoStudentDetails> all;
    all.reserve(fair.students.size());
    std::set<std::string> phones_given;
    for (const Student& student : fair.students) {
        DemoStudentDetails details;
        details.student = student.id;
        if (student.school) {
            details.school = *student.school;
        } else {
            details.school = listed_school(student, random);
        }
        if (!random.chance(kNoPhonePercent, 100)) {
            std::string phone = mobile_number(random);
            while (!phones_given.insert(phone).second)
                phone = mobile_number(random);
            details.phone = std::move(phone);
        }
        all.push_back(std::move(details));
    }
    return all;
}

Fair load_demo_fair(Store& store, const GeneratorOptions& options, std::string_view actor) {
    const Fair fair = generate_demo_fair(options);
    store.import_fair(fair, actor);
    std::vector<std::pair<StudentId, Store::StudentDetails>> details;
    for (const DemoStudentDetails& listed : generate_demo_student_details(fair, options.seed)) {
        Store::StudentDetails known;
        known.phone = listed.phone;
        known.school = listed.school;
        known.registered_via = "pre_registration";
        details.emplace_back(listed.student, std::move(known));
    }
    store.import_student_details(details, actor);
    return fair;
}

}  // namespace jobfair
