# The include check: every `#include "..."` of a product file names a header of its own layer or
# of a layer below (cmake/layers.cmake), never a test helper; every .cc and .h under src/ belongs
# to one layer or is a test (*_test.cc, *_bench.cc). A build step (target shipshape_layer_check,
# which every layer library waits for); run by hand:
#   cmake -DSRC=src -DMANIFEST=build/layers.txt -DSTAMP=/dev/null -P cmake/check_layers.cmake
# MANIFEST lines are RANK|LAYER|PATH (PATH relative to SRC), written by CMakeLists.txt.
# PLANT=LAYER|/abs/file.cc checks one more file as if it belonged to LAYER (the ctest entry
# LayerCheck.BackEdgeFails plants a rule that includes a lint header).
cmake_minimum_required(VERSION 3.20)

file(STRINGS "${MANIFEST}" entries)
set(checked)
foreach(e IN LISTS entries)
  string(REPLACE "|" ";" f "${e}")
  list(GET f 0 rank)
  list(GET f 1 layer)
  list(GET f 2 path)
  set("rank_${path}" ${rank})
  set("layer_${path}" ${layer})
  list(APPEND rank_of_layer_${layer} ${rank})
  if(NOT layer STREQUAL "tests")
    list(APPEND checked "${SRC}/${path}")
    set("owner_${SRC}/${path}" ${layer})
    set("ownrank_${SRC}/${path}" ${rank})
  endif()
endforeach()

if(PLANT)
  string(REPLACE "|" ";" p "${PLANT}")
  list(GET p 0 layer)
  list(GET p 1 file)
  list(GET rank_of_layer_${layer} 0 rank)
  list(APPEND checked "${file}")
  set("owner_${file}" ${layer})
  set("ownrank_${file}" ${rank})
endif()

set(errors "")
foreach(file IN LISTS checked)
  if(NOT EXISTS "${file}")
    string(APPEND errors "  ${file}: listed in cmake/layers.cmake but missing\n")
    continue()
  endif()
  file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
  set(own ${owner_${file}})
  set(own_rank ${ownrank_${file}})
  file(RELATIVE_PATH shown "${SRC}/.." "${file}")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" inc "${line}")
    if(DEFINED "rank_${inc}")
      if(${rank_${inc}} GREATER own_rank)
        if(layer_${inc} STREQUAL "tests")
          string(APPEND errors "  ${shown} (${own}) includes ${inc}, a test helper\n")
        else()
          string(APPEND errors "  ${shown} (${own}) includes ${inc} (${layer_${inc}}): "
                               "${own} is below ${layer_${inc}}\n")
        endif()
      endif()
    elseif(EXISTS "${SRC}/${inc}")
      string(APPEND errors "  ${shown} includes ${inc}, which is in no layer\n")
    endif()
  endforeach()
endforeach()

# Files that belong to no layer (a new file not yet listed is not even compiled).
file(GLOB_RECURSE all RELATIVE "${SRC}" "${SRC}/*.cc" "${SRC}/*.h")
foreach(path IN LISTS all)
  if(path MATCHES "_(test|bench)\\.cc$" OR DEFINED "rank_${path}")
    continue()
  endif()
  string(APPEND errors "  src/${path} is in no layer: add it to one list in cmake/layers.cmake\n")
endforeach()

if(errors)
  message(FATAL_ERROR "layer check failed (a layer may include only itself and the layers below "
                      "it; graph in cmake/layers.cmake):\n${errors}")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
