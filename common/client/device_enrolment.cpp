#include "common/client/device_enrolment.hpp"

#include <utility>

#include "common/device_token.hpp"

namespace jobfair::client {

DeviceEnrolment::DeviceEnrolment(EnrolmentSettings settings)
    : settings_(std::move(settings)), token_(read_device_token(settings_.token_file)) {}

std::optional<std::string> DeviceEnrolment::token(const ApiClient& api) {
    std::lock_guard lock(mutex_);
    if (token_) return token_;
    if (settings_.device_code.empty() || code_used_) {
        problem_ = {true, "not_enrolled",
                    "This device is not enrolled: ask an organizer for a device code and start it "
                    "with --device-code.",
                    "Máy này chưa được đăng ký: hãy xin ban tổ chức mã đăng ký thiết bị và khởi "
                    "động lại với --device-code."};
        return std::nullopt;
    }
    const nlohmann::json request = {{"code", settings_.device_code}};
    const Answer answer = api.post("/auth/enrol", request.dump(), std::nullopt);
    if (!answer.reached) {
        problem_ = {false, "unreachable", answer.problem(false), answer.problem(true)};
        return std::nullopt;
    }
    code_used_ = true;  // used or refused, a one-time code is not sent twice
    if (!answer.ok()) {
        problem_ = {true, answer.error() ? answer.error()->code : "refused", answer.problem(false),
                    answer.problem(true)};
        return std::nullopt;
    }
    const nlohmann::json body = answer.json();
    const bool right_device = body.is_object() && body.value("role", "") == settings_.role &&
                              (!settings_.booth || body.value("booth", "") == *settings_.booth) &&
                              body.contains("token") && body["token"].is_string();
    if (!right_device) {
        problem_ = {
            true, "wrong_device",
            "This device code is for another booth or another kind of device: ask an "
            "organizer for the right one.",
            "Mã đăng ký này dành cho gian hàng khác hoặc loại máy khác: hãy xin ban tổ chức "
            "mã đúng."};
        return std::nullopt;
    }
    token_ = body["token"].get<std::string>();
    write_device_token(settings_.token_file, *token_);
    problem_ = {};
    return token_;
}

void DeviceEnrolment::forget() {
    std::lock_guard lock(mutex_);
    token_.reset();
    std::error_code ignored;
    std::filesystem::remove(settings_.token_file, ignored);
}

}  // namespace jobfair::client
