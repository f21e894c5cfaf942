# Install rules and the AttnMLIR CMake package.
#
#   cmake --install <build> --prefix <prefix>
#
# installs the headers (sources and generated .inc), the libraries, attn-opt,
# the mlir-opt plugin and <prefix>/lib/cmake/AttnMLIR/AttnMLIRConfig.cmake, so
# that another project writes
#
#   find_package(AttnMLIR REQUIRED CONFIG)
#   target_link_libraries(tool PRIVATE AttnMLIR::AttnPipelines)
#
# add_mlir_library already installs each library into MLIR's own export set
# (MLIRTargets), which only an in-tree MLIR build installs. The libraries are
# installed a second time here into AttnMLIRTargets, the set this project
# exports; the MLIRTargets set is never written.

include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(ATTN_MLIR_INSTALL_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/AttnMLIR")

# Every library of this project made with add_mlir_library (MLIR's libraries
# are imported and never appear in this list).
get_property(_attn_libs GLOBAL PROPERTY MLIR_EXPORTS)
list(REMOVE_DUPLICATES _attn_libs)
set(_attn_installed_libs)
foreach(_lib IN LISTS _attn_libs)
  get_target_property(_imported ${_lib} IMPORTED)
  get_target_property(_type ${_lib} TYPE)
  if(_imported OR _type STREQUAL "INTERFACE_LIBRARY")
    continue()
  endif()
  # Consumers find the headers under <prefix>/include; the build tree keeps
  # using the directory-wide include_directories of the root CMakeLists.
  set_property(TARGET ${_lib} APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  list(APPEND _attn_installed_libs ${_lib})
endforeach()

# Libraries made without add_mlir_library (e.g. the CUDA runtime of
# lib/Runtime/CUDA, when built) join the package with
#   set_property(GLOBAL APPEND PROPERTY ATTN_EXTRA_INSTALL_TARGETS <target>)
get_property(_attn_extra GLOBAL PROPERTY ATTN_EXTRA_INSTALL_TARGETS)
foreach(_lib IN LISTS _attn_extra)
  if(TARGET ${_lib} AND NOT _lib IN_LIST _attn_installed_libs)
    list(APPEND _attn_installed_libs ${_lib})
  endif()
endforeach()

install(TARGETS ${_attn_installed_libs}
  EXPORT AttnMLIRTargets
  COMPONENT attn-mlir
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Tools and the plugin. The plugin is exported as a MODULE target so that a
# consumer can name its path: $<TARGET_FILE:AttnMLIR::AttnPlugin>.
set(_attn_tools)
foreach(_tool attn-opt AttnPlugin)
  if(TARGET ${_tool})
    list(APPEND _attn_tools ${_tool})
  endif()
endforeach()
# Installed binaries keep finding libMLIR.so and libLLVM.so, which Debian puts
# outside the default library path (/usr/lib/llvm-22/lib).
foreach(_tool IN LISTS _attn_tools)
  set_property(TARGET ${_tool} APPEND PROPERTY INSTALL_RPATH
    "${LLVM_LIBRARY_DIR}")
endforeach()
install(TARGETS ${_attn_tools}
  EXPORT AttnMLIRTargets
  COMPONENT attn-mlir
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Headers: hand-written ones and the TableGen output they include.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/attn
                  ${PROJECT_SOURCE_DIR}/include/attn-c
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT attn-mlir
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY ${PROJECT_BINARY_DIR}/include/attn
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT attn-mlir
  FILES_MATCHING PATTERN "*.inc"
  PATTERN "CMakeFiles" EXCLUDE)

install(EXPORT AttnMLIRTargets
  NAMESPACE AttnMLIR::
  DESTINATION ${ATTN_MLIR_INSTALL_CMAKE_DIR}
  COMPONENT attn-mlir)

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/AttnMLIRConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/AttnMLIRConfig.cmake
  INSTALL_DESTINATION ${ATTN_MLIR_INSTALL_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR
            CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/AttnMLIRConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/AttnMLIRConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/AttnMLIRConfigVersion.cmake
  DESTINATION ${ATTN_MLIR_INSTALL_CMAKE_DIR}
  COMPONENT attn-mlir)

# test/Integration/Package runs `cmake --install`, which needs every installed
# file built: make the test target build them all.
if(TARGET check-attn)
  add_dependencies(check-attn ${_attn_installed_libs} ${_attn_tools})
endif()
