// What attn-gpu-emulate refuses, each an error at the op.
// RUN: attn-opt %s -split-input-file -attn-gpu-emulate -verify-diagnostics
// Inline PTX other than the wgmma kernel's is not emulated.
module attributes {gpu.container_module} {
  gpu.module @w {
    gpu.func @w() kernel {
      // expected-error @below {{the GPU emulator does not run this inline PTX: bar.warp.sync -1;}}
      llvm.inline_asm has_side_effects "bar.warp.sync -1;", "" : () -> ()
      gpu.return
    }
  }
}

// -----

// Another NVVM intrinsic has no emulation.
module attributes {gpu.container_module} {
  gpu.module @n {
    gpu.func @n(%x: f32, %m: memref<1xf32>) kernel {
      // expected-error @below {{the GPU emulator does not run llvm.nvvm.rsqrt.approx.f}}
      %r = llvm.call_intrinsic "llvm.nvvm.rsqrt.approx.f"(%x) : (f32) -> f32
      %c0 = arith.constant 0 : index
      memref.store %r, %m[%c0] : memref<1xf32>
      gpu.return
    }
  }
}

// -----

// Asynchronous launches (gpu-async-region) are not emulated.
module attributes {gpu.container_module} {
  func.func @host() {
    %c1 = arith.constant 1 : index
    // expected-error @below {{the GPU emulator runs synchronous GPU ops only (no gpu-async-region)}}
    %t0 = gpu.wait async
    %t1 = gpu.launch_func async [%t0] @e::@e blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1)
    gpu.wait [%t1]
    return
  }
  gpu.module @e {
    gpu.func @e() kernel {
      gpu.return
    }
  }
}

// -----

// Device functions (and globals) in a gpu.module stay device code.
module attributes {gpu.container_module} {
  gpu.module @f {
    // expected-error @below {{the GPU emulator runs gpu.modules of kernels only, not gpu.func (a device function)}}
    gpu.func @helper() {
      gpu.return
    }
    gpu.func @f() kernel {
      gpu.return
    }
  }
}
