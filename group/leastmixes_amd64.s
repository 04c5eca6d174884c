//go:build amd64 && !purego

#include "textflag.h"

// The two multipliers of mix, each in every lane of a vector.
DATA mixMul1<>+0(SB)/8, $0xff51afd7ed558ccd
GLOBL mixMul1<>(SB), RODATA|NOPTR, $8
DATA mixMul2<>+0(SB)/8, $0xc4ceb9fe1a85ec53
GLOBL mixMul2<>(SB), RODATA|NOPTR, $8

// XORSHIFT33 is h ^= h >> 33 in every lane, with t as a temporary.
#define XORSHIFT33(h, t) \
	VPSRLQ $33, h, t \
	VPXORQ t, h, h

// MIX512 is least = min(least, uint32(mix(h ^ seed))) in each of the eight lanes of a
// vector, h in Z18 broadcast; Z16 and Z17 hold the multipliers, Z19 is a temporary. The
// lanes' low halves are compared as uint32s (their high halves are compared too, and mean
// nothing).
#define MIX512(seed, least, x) \
	VPXORQ seed, Z18, x \
	XORSHIFT33(x, Z19) \
	VPMULLQ Z16, x, x \
	XORSHIFT33(x, Z19) \
	VPMULLQ Z17, x, x \
	XORSHIFT33(x, Z19) \
	VPMINUD x, least, least

// func leastMixesAVX512(least *[signatureLen]uint64, seeds *[signatureLen]uint64, hashes []uint64)
//
// All 64 lanes in registers: the seeds in Z0-Z7, the least values so far in Z8-Z15; one
// pass over the hashes.
TEXT ·leastMixesAVX512(SB), NOSPLIT, $0-40
	MOVQ least+0(FP), DI
	MOVQ seeds+8(FP), AX
	MOVQ hashes_base+16(FP), SI
	MOVQ hashes_len+24(FP), CX
	VMOVDQU64 0(AX), Z0
	VMOVDQU64 64(AX), Z1
	VMOVDQU64 128(AX), Z2
	VMOVDQU64 192(AX), Z3
	VMOVDQU64 256(AX), Z4
	VMOVDQU64 320(AX), Z5
	VMOVDQU64 384(AX), Z6
	VMOVDQU64 448(AX), Z7
	// every least value starts at all ones
	VPTERNLOGD $0xff, Z8, Z8, Z8
	VMOVDQA64 Z8, Z9
	VMOVDQA64 Z8, Z10
	VMOVDQA64 Z8, Z11
	VMOVDQA64 Z8, Z12
	VMOVDQA64 Z8, Z13
	VMOVDQA64 Z8, Z14
	VMOVDQA64 Z8, Z15
	VPBROADCASTQ mixMul1<>(SB), Z16
	VPBROADCASTQ mixMul2<>(SB), Z17
	TESTQ CX, CX
	JZ    store512

loop512:
	VPBROADCASTQ (SI), Z18
	MIX512(Z0, Z8, Z24)
	MIX512(Z1, Z9, Z25)
	MIX512(Z2, Z10, Z26)
	MIX512(Z3, Z11, Z27)
	MIX512(Z4, Z12, Z28)
	MIX512(Z5, Z13, Z29)
	MIX512(Z6, Z14, Z30)
	MIX512(Z7, Z15, Z31)
	ADDQ $8, SI
	DECQ CX
	JNZ  loop512

store512:
	VMOVDQU64 Z8, 0(DI)
	VMOVDQU64 Z9, 64(DI)
	VMOVDQU64 Z10, 128(DI)
	VMOVDQU64 Z11, 192(DI)
	VMOVDQU64 Z12, 256(DI)
	VMOVDQU64 Z13, 320(DI)
	VMOVDQU64 Z14, 384(DI)
	VMOVDQU64 Z15, 448(DI)
	VZEROUPPER
	RET

// MUL64(x, lo, hi, t, u) is x *= m in each of the four 64-bit lanes of a vector, from the
// 32×32→64-bit products AVX2 has: with lo and hi the low and high halves of m in every lane,
// x·m = xlo·lo + (xhi·lo + xlo·hi) << 32 (mod 2^64). t and u are temporaries.
#define MUL64(x, lo, hi, t, u) \
	VPSRLQ   $32, x, t \
	VPMULUDQ lo, t, t \
	VPMULUDQ hi, x, u \
	VPADDQ   u, t, t \
	VPSLLQ   $32, t, t \
	VPMULUDQ lo, x, x \
	VPADDQ   t, x, x

// XORSHIFT33Y is XORSHIFT33 with AVX2's instructions.
#define XORSHIFT33Y(h, t) \
	VPSRLQ $33, h, t \
	VPXOR  t, h, h

// MIX256 is least = min(least, uint32(mix(h ^ seed))) in each of the four lanes of a
// vector, h in Y4 broadcast; Y12-Y15 hold the multipliers' halves.
#define MIX256(seed, least, x, t, u) \
	VPXOR seed, Y4, x \
	XORSHIFT33Y(x, t) \
	MUL64(x, Y12, Y13, t, u) \
	XORSHIFT33Y(x, t) \
	MUL64(x, Y14, Y15, t, u) \
	XORSHIFT33Y(x, t) \
	VPMINUD x, least, least

// func leastMixesAVX2(least *[signatureLen]uint64, seeds *[signatureLen]uint64, hashes []uint64)
//
// Sixteen registers do not hold the 64 lanes: eight lanes at a time (seeds in Y0-Y1, least
// values in Y2-Y3), a pass over the hashes for each eight.
TEXT ·leastMixesAVX2(SB), NOSPLIT, $0-40
	MOVQ least+0(FP), DI
	MOVQ seeds+8(FP), AX
	MOVQ hashes_base+16(FP), SI
	MOVQ hashes_len+24(FP), CX
	// the multipliers' low halves in Y12, Y14, their high halves in Y13, Y15
	VPBROADCASTQ mixMul1<>(SB), Y12
	VPSRLQ       $32, Y12, Y13
	VPBROADCASTQ mixMul2<>(SB), Y14
	VPSRLQ       $32, Y14, Y15
	MOVQ         $8, DX // passes of eight lanes left

pass256:
	VMOVDQU   0(AX), Y0
	VMOVDQU   32(AX), Y1
	VPCMPEQD  Y2, Y2, Y2 // all ones
	VMOVDQA   Y2, Y3
	MOVQ      SI, R8
	MOVQ      CX, R9
	TESTQ     R9, R9
	JZ        store256

loop256:
	VPBROADCASTQ (R8), Y4
	MIX256(Y0, Y2, Y5, Y6, Y7)
	MIX256(Y1, Y3, Y8, Y9, Y10)
	ADDQ $8, R8
	DECQ R9
	JNZ  loop256

store256:
	VMOVDQU Y2, 0(DI)
	VMOVDQU Y3, 32(DI)
	ADDQ    $64, AX
	ADDQ    $64, DI
	DECQ    DX
	JNZ     pass256
	VZEROUPPER
	RET
