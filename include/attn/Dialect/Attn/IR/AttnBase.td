//===- AttnBase.td - attn dialect definition ---------------*- tablegen -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNBASE_TD
#define ATTN_DIALECT_ATTN_IR_ATTNBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"

def Attn_Dialect : Dialect {
  let name = "attn";
  let summary = "Scaled dot-product attention as one operation";
  let description = [{
    The `attn` dialect carries scaled dot-product attention,
    `softmax(scale * Q * K^T + mask) * V`, as a single operation so that
    compilers can raise the unfused chain that frontends emit into it, and
    lower it into tiled code with an online (FlashAttention-style) softmax.
  }];
  let cppNamespace = "::mlir::attn";
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

/// Alignment of the causal mask when Sq != Skv.
def Attn_CausalNone : I32EnumAttrCase<"none", 0>;
def Attn_CausalTopLeft : I32EnumAttrCase<"top_left", 1>;
def Attn_CausalBottomRight : I32EnumAttrCase<"bottom_right", 2>;
def Attn_CausalAttr : I32EnumAttr<"Causal",
    "causal mask alignment: top_left (key j visible to query i iff j <= i) "
    "or bottom_right (iff j <= i + Skv - Sq)",
    [Attn_CausalNone, Attn_CausalTopLeft, Attn_CausalBottomRight]> {
  let cppNamespace = "::mlir::attn";
}

/// Memory layout of Q, K, V and the result.
def Attn_LayoutBHSD : I32EnumAttrCase<"bhsd", 0>;
def Attn_LayoutBSHD : I32EnumAttrCase<"bshd", 1>;
def Attn_LayoutAttr : I32EnumAttr<"Layout",
    "operand layout: bhsd ([batch, heads, seq, dim]) or bshd "
    "([batch, seq, heads, dim])",
    [Attn_LayoutBHSD, Attn_LayoutBSHD]> {
  let cppNamespace = "::mlir::attn";
}

class Attn_Op<string mnemonic, list<Trait> traits = []>
    : Op<Attn_Dialect, mnemonic, traits>;

#endif // ATTN_DIALECT_ATTN_IR_ATTNBASE_TD
