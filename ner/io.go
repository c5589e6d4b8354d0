package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The model file is gzip'd binary:
//
//	magic "griot-ner 1\n"
//	lang, tags: uvarint count + (uvarint length + bytes) each
//	scale: float32 (little endian): weights are int16 × scale
//	transitions: (tags+1) × tags float32
//	features: uvarint count, then for each feature in hash order: uvarint delta of the hash
//	from the previous one, uvarint mask of the tags with a weight, int16 per set bit (zig-zag
//	uvarint)
const magic = "griot-ner 1\n"

const (
	maxTags     = 64
	maxFeatures = 1 << 24
	maxString   = 1 << 10
)

// WriteTo writes the model, gzip'd. The output is the same for the same model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	str(m.Lang)
	uv(uint64(len(m.Tags)))
	for _, t := range m.Tags {
		str(t)
	}
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, m.trans)
	hashes := make([]uint64, 0, m.index.n)
	rows := map[uint64]int32{}
	for i, h := range m.index.keys {
		if h != 0 {
			hashes = append(hashes, h)
			rows[h] = m.index.vals[i]
		}
	}
	slices.Sort(hashes)
	uv(uint64(len(hashes)))
	nt := m.nt()
	prev := uint64(0)
	for _, h := range hashes {
		uv(h - prev)
		prev = h
		row := m.w[int(rows[h])*nt : int(rows[h]+1)*nt]
		var mask uint64
		q := make([]int64, nt)
		for t, v := range row {
			q[t] = int64(math.Round(float64(v / scale)))
			if q[t] != 0 {
				mask |= 1 << uint(t)
			}
		}
		uv(mask)
		for t := range row {
			if mask&(1<<uint(t)) != 0 {
				bw.Write(tmp[:binary.PutVarint(tmp[:], q[t])])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	m, err := readModel(br)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return m, nil
}

func readModel(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("not a griot NER model")
	}
	str := func() (string, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return "", err
		}
		if n > maxString {
			return "", fmt.Errorf("string of %d bytes", n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", err
		}
		return string(b), nil
	}
	m := &Model{}
	var err error
	if m.Lang, err = str(); err != nil {
		return nil, err
	}
	nt, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if nt == 0 || nt > maxTags {
		return nil, fmt.Errorf("%d tags", nt)
	}
	seen := map[string]bool{}
	for i := uint64(0); i < nt; i++ {
		t, err := str()
		if err != nil {
			return nil, err
		}
		ok := t == "O" && i == 0 || i > 0 && len(t) > 2 && (strings.HasPrefix(t, "B-") || strings.HasPrefix(t, "I-"))
		if !ok || seen[t] {
			return nil, fmt.Errorf("bad tag %q", t)
		}
		seen[t] = true
		m.Tags = append(m.Tags, t)
	}
	for _, t := range m.Tags[1:] {
		if !seen["B-"+t[2:]] || !seen["I-"+t[2:]] {
			return nil, fmt.Errorf("tag %q without its pair", t)
		}
	}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, err
	}
	if math.IsNaN(float64(scale)) || math.IsInf(float64(scale), 0) {
		return nil, errors.New("bad weight scale")
	}
	n := int(nt)
	m.trans = make([]float32, (n+1)*n)
	if err := binary.Read(br, binary.LittleEndian, m.trans); err != nil {
		return nil, err
	}
	for _, v := range m.trans {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, errors.New("bad transition weight")
		}
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if nf > maxFeatures {
		return nil, fmt.Errorf("%d features", nf)
	}
	var keys []uint64 // grown as read: a count in a bad file allocates nothing
	m.w = make([]float32, 0, min(nf, 1<<12)*uint64(n))
	h := uint64(0)
	for i := uint64(0); i < nf; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if i > 0 && d == 0 {
			return nil, errors.New("features out of order")
		}
		h += d
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if mask>>uint(n) != 0 {
			return nil, fmt.Errorf("feature weight mask %#x for %d tags", mask, n)
		}
		if h == 0 {
			return nil, errors.New("feature hash 0")
		}
		keys = append(keys, h)
		for t := 0; t < n; t++ {
			var v float32
			if mask&(1<<uint(t)) != 0 {
				q, err := binary.ReadVarint(br)
				if err != nil {
					return nil, err
				}
				if q < -32767 || q > 32767 {
					return nil, fmt.Errorf("weight %d out of range", q)
				}
				v = float32(q) * scale
			}
			m.w = append(m.w, v)
		}
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	m.index = newTable(len(keys))
	for i, h := range keys {
		m.index.put(h, int32(i))
	}
	m.allow = buildAllow(m.Tags)
	return m, nil
}
