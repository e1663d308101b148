// The one exception the UI shell throws: the window, the OpenGL context, a font or a screenshot
// file could not be set up. Its message says what to install or check.
#pragma once

#include <stdexcept>

namespace jobfair::ui {

class UiError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace jobfair::ui
