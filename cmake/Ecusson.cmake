# ecusson_add_library(NAME SOURCES file... [DEPS target...] [PRIVATE_DEPS target...])
# One library per module or part (style C19, design §1): public headers in include/,
# private sources in src/, listed explicitly (no GLOB: a new file is a reviewed edit).
# Creates ecusson_NAME, the alias ecusson::NAME, and the installed Ecusson::NAME.
function(ecusson_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  list(TRANSFORM ARG_SOURCES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/src/")
  add_library(ecusson_${name} STATIC ${ARG_SOURCES})
  add_library(ecusson::${name} ALIAS ecusson_${name})
  set_target_properties(ecusson_${name} PROPERTIES EXPORT_NAME ${name}
    POSITION_INDEPENDENT_CODE ON)
  target_include_directories(ecusson_${name}
    PUBLIC "$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>"
           "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
    PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
  target_compile_features(ecusson_${name} PUBLIC cxx_std_20)
  target_link_libraries(ecusson_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  ecusson_warnings(ecusson_${name})
  install(TARGETS ecusson_${name} EXPORT EcussonTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/include/"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endfunction()

function(ecusson_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(ECUSSON_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
