//! The module's memory allocator (the `.wasm` only; natively the system's): blocks in
//! power-of-two size classes, each class with a free list, cut from memory the module grows.
//!
//! Why not std's dlmalloc, the default on `wasm32-unknown-unknown`: dlmalloc is 7 KB of code
//! (3 kB gzipped) built for long-lived programs that free memory in any order; the module
//! formats one paste at a time, with many small strings and vectors made and dropped
//! together. Here an allocation is a lookup in one free list (or a cut from fresh memory), a
//! free is a push onto it: a few instructions each, and under 1 kB of code.
//!
//! What it costs: a block is its request rounded up to a power of two (up to twice the
//! request), and a freed block serves its own size class only, so memory holds at most about
//! twice what is live at the peak. The page formats the same paste again on every keystroke,
//! so freed blocks are found again; memory is never given back (a wasm memory cannot shrink,
//! and dlmalloc never gave it back either).
//!
//! Blocks below [`CHUNK`] bytes are cut [`CHUNK`] bytes at a time: a chunk starts at a multiple
//! of [`CHUNK`] and holds blocks of one class side by side, so each block is aligned to its
//! own size. Blocks from [`CHUNK`] bytes up are cut one at a time, at a multiple of [`CHUNK`].
//! A request is served from the class of the larger of its size and its alignment, so every
//! alignment up to [`CHUNK`] holds; a larger alignment (which nothing here asks for) is an
//! allocation failure, not a misaligned block.
//!
//! One thread: `wasm32-unknown-unknown` without the `atomics` target feature has no threads
//! (a Web Worker is another instance with its own memory), so the heap needs no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// A wasm memory page.
const PAGE: usize = 65536;
/// Small blocks are cut from chunks of this size; larger ones are multiples of it.
const CHUNK: usize = 4096;
/// Memory grows by at least this many pages at a time (1 MiB), so a paste's allocations
/// grow it a few times, not once per chunk.
const GROW_PAGES: usize = 16;

/// The allocator's state: the free lists and the memory not yet cut.
struct Heap {
    /// The first free block of each class (null when none); class `k` holds blocks of `2^k`
    /// bytes, each free block holding the address of the next in its first bytes.
    free: [*mut u8; usize::BITS as usize],
    /// Memory grown but not yet cut into blocks: `next..end`.
    next: usize,
    end: usize,
}

/// The global allocator of the `.wasm` (see the module's docs).
pub struct Allocator(UnsafeCell<Heap>);

// SAFETY: without the `atomics` target feature a wasm32 module runs on one thread, so the heap
// is never reached from two threads at once.
unsafe impl Sync for Allocator {}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap {
    free: [null_mut(); usize::BITS as usize],
    next: 0,
    end: 0,
}));

/// The size class of `layout`: `k` for blocks of `2^k` bytes, at least 8 (room for the free
/// list's link) and at least the alignment; `None` when no class is that large.
fn class(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(8);
    Some(size.checked_next_power_of_two()?.trailing_zeros() as usize)
}

impl Heap {
    /// `size` bytes (a multiple of [`CHUNK`]) of fresh memory at a multiple of [`CHUNK`],
    /// growing the memory when needed; null when it cannot grow.
    fn cut(&mut self, size: usize) -> *mut u8 {
        if self.end - self.next < size {
            let pages = size.div_ceil(PAGE).max(GROW_PAGES);
            let before = core::arch::wasm32::memory_grow(0, pages);
            if before == usize::MAX {
                return null_mut();
            }
            // Addresses stop at 4 GiB: memory that reaches it is left unused, not wrapped.
            let (Some(start), Some(end)) =
                (before.checked_mul(PAGE), (before + pages).checked_mul(PAGE))
            else {
                return null_mut();
            };
            // Memory grown by someone else in between leaves the old tail unused.
            if start != self.end {
                self.next = start;
            }
            self.end = end;
        }
        let at = self.next;
        self.next += size;
        at as *mut u8
    }
}

// SAFETY: every block handed out lies in memory grown for this allocator and cut once (from
// `next..end`, which only moves forward), or comes back from a free list that only blocks
// of that class, freed by `dealloc` with the layout they were allocated with, are pushed onto;
// a block is at least as large as its request and aligned to its size (or to `CHUNK`).
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > CHUNK {
            return null_mut();
        }
        let Some(k) = class(layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no call into the allocator while this borrow lives.
        let heap = unsafe { &mut *self.0.get() };
        let head = heap.free[k];
        if !head.is_null() {
            // SAFETY: a free block holds the address of the next free block of its class.
            heap.free[k] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = 1usize << k;
        if size >= CHUNK {
            return heap.cut(size);
        }
        let chunk = heap.cut(CHUNK);
        if chunk.is_null() {
            return chunk;
        }
        // The chunk's other blocks go onto the free list, the first is handed out.
        let mut at = CHUNK;
        while at > size {
            at -= size;
            // SAFETY: `chunk..chunk + CHUNK` is fresh memory of this allocator, and `at` a
            // multiple of `size` (at least 8), so the link is in bounds and aligned.
            unsafe {
                let block = chunk.add(at);
                block.cast::<*mut u8>().write(heap.free[k]);
                heap.free[k] = block;
            }
        }
        chunk
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(k) = class(layout) else {
            return;
        };
        // SAFETY: one thread; `ptr` is a block of class `k` that its owner gives back, so its
        // first bytes may hold the link.
        unsafe {
            let heap = &mut *self.0.get();
            ptr.cast::<*mut u8>().write(heap.free[k]);
            heap.free[k] = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller passes a size that, with the layout's alignment, is a valid
        // layout (`GlobalAlloc::realloc`'s contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(layout) == class(new_layout) {
            return ptr;
        }
        // SAFETY: `new_layout` is valid (above); the old block is `layout.size()` bytes and the
        // new one `new_size`, so the copy stays inside both, which are distinct blocks.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
