# ecusson_add_module(NAME [DEPS target...] [PRIVATE_DEPS target...])
# One library per module (style C19): public headers in NAME/include, sources in NAME/src.
# Sources are globbed so that adding a file needs no edit here (CONFIGURE_DEPENDS re-globs).
function(ecusson_add_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/src/*.cc")
  if(NOT srcs)
    # A module whose sources are not written yet: headers only, so dependents still build.
    add_library(ecusson_${name} INTERFACE)
    add_library(ecusson::${name} ALIAS ecusson_${name})
    target_include_directories(ecusson_${name} INTERFACE "${CMAKE_CURRENT_SOURCE_DIR}/include")
    target_link_libraries(ecusson_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(ecusson_${name} STATIC ${srcs})
  add_library(ecusson::${name} ALIAS ecusson_${name})
  target_include_directories(ecusson_${name}
    PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include"
    PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
  target_compile_features(ecusson_${name} PUBLIC cxx_std_20)
  target_link_libraries(ecusson_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  target_compile_definitions(ecusson_${name} PRIVATE ECUSSON_TEMPLATES_DIR="${ECUSSON_TEMPLATES_DIR}")
  ecusson_warnings(ecusson_${name})
endfunction()

function(ecusson_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(ECUSSON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
