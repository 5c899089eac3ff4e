// Draws the app's icons (public/icons/*.png; run once, the files are committed): two rings that overlap,
// 融合, white on the brand red. The maskable one keeps the rings inside the central 80 % safe zone.
//   node lib/offline/icons.mjs
import fs from 'node:fs'
import { PNG } from 'pngjs'

const RED = [0xa9, 0x1b, 0x1b]
function draw(size, scale) {
  const png = new PNG({ width: size, height: size })
  const r = size * 0.2 * scale
  const w = size * 0.055 * scale
  const cy = size / 2
  const centres = [size / 2 - r * 0.55, size / 2 + r * 0.55]
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4
      // 4× supersampling for smooth edges
      let on = 0
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
        const px = x + dx
        const py = y + dy
        if (centres.some((cx) => Math.abs(Math.hypot(px - cx, py - cy) - r) <= w / 2)) on++
      }
      const a = on / 4
      png.data[i] = Math.round(RED[0] + (255 - RED[0]) * a)
      png.data[i + 1] = Math.round(RED[1] + (255 - RED[1]) * a)
      png.data[i + 2] = Math.round(RED[2] + (255 - RED[2]) * a)
      png.data[i + 3] = 255
    }
  return PNG.sync.write(png)
}
fs.mkdirSync('public/icons', { recursive: true })
fs.writeFileSync('public/icons/icon-192.png', draw(192, 1.25))
fs.writeFileSync('public/icons/icon-512.png', draw(512, 1.25))
fs.writeFileSync('public/icons/maskable-512.png', draw(512, 1))
fs.writeFileSync('public/icons/apple-touch-icon.png', draw(180, 1.2))
console.log('public/icons: 4 icons')
