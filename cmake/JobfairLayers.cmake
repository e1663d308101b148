# Which library may link what: the layers of the house, checked at configure time.
#
#   jobfair_forbid_links(TARGET NEVER PATTERN...)
#
# walks everything TARGET links, directly or through other targets (LINK_LIBRARIES and
# INTERFACE_LINK_LIBRARIES, a static library's private links included), and stops the configure
# with the chain that leads there when a name matches one of the PATTERNs (regular expressions,
# matched against the lower-cased target name or library path). A target that does not exist in
# this build (the GUI's, in a headless build) is skipped. tests/layers/ shows the check failing.

# The targets and libraries a link entry names, without the generator expressions CMake wraps
# around private links ($<LINK_ONLY:x>) and the directory markers of links added elsewhere.
function(_jobfair_link_names entries out_var)
  set(names "")
  foreach(entry IN LISTS entries)
    if(entry MATCHES "^::@")
      continue()
    endif()
    while(entry MATCHES "^\\$<[A-Z_]+:(.*)>$")
      set(entry "${CMAKE_MATCH_1}")
    endwhile()
    if(entry STREQUAL "" OR entry MATCHES "^\\$<")
      continue()
    endif()
    list(APPEND names "${entry}")
  endforeach()
  set(${out_var} "${names}" PARENT_SCOPE)
endfunction()

function(jobfair_forbid_links target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "NEVER")
  if(NOT TARGET ${target})
    return()
  endif()
  set(seen ${target})
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue current)
    if(NOT TARGET ${current})
      continue()
    endif()
    get_target_property(type ${current} TYPE)
    set(entries "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(direct ${current} LINK_LIBRARIES)
      if(direct)
        list(APPEND entries ${direct})
      endif()
    endif()
    get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
    if(interface)
      list(APPEND entries ${interface})
    endif()
    _jobfair_link_names("${entries}" names)
    foreach(name IN LISTS names)
      if(name IN_LIST seen)
        continue()
      endif()
      list(APPEND seen "${name}")
      set("_jobfair_via_${name}" "${current}")
      string(TOLOWER "${name}" lower)
      foreach(pattern IN LISTS ARG_NEVER)
        if(lower MATCHES "${pattern}")
          set(chain "${name}")
          set(step "${current}")
          while(NOT step STREQUAL target)
            set(chain "${step} -> ${chain}")
            set(step "${_jobfair_via_${step}}")
          endwhile()
          # The chain on a line of its own that starts with spaces: CMake does not wrap it.
          message(FATAL_ERROR "layers: ${target} must never link '${pattern}' "
                              "(cmake/JobfairLayers.cmake), but does:\n  ${target} -> ${chain}\n")
        endif()
      endforeach()
      list(APPEND queue "${name}")
    endforeach()
  endwhile()
endfunction()

#   jobfair_forbid_includes(DIR NEVER PATTERN...)
#
# reads every #include "..." of the C++ files in DIR (relative to the calling CMakeLists.txt) and
# stops the configure, naming the file and the line, when an included path matches a PATTERN: a
# header-only dependency links nothing, so jobfair_forbid_links cannot see it. Editing one of
# those files configures again.
function(jobfair_forbid_includes dir)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "NEVER")
  get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  file(GLOB_RECURSE files CONFIGURE_DEPENDS "${dir}/*.cpp" "${dir}/*.hpp" "${dir}/*.h")
  foreach(file IN LISTS files)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" included "${line}")
      foreach(pattern IN LISTS ARG_NEVER)
        if(included MATCHES "${pattern}")
          message(FATAL_ERROR "layers: ${dir} must never include '${pattern}' "
                              "(cmake/JobfairLayers.cmake), but does:\n  ${file}: ${line}\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()
