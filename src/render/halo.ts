/** How far a halo reaches beyond the mark it lies under, in pixels. */
const HALO_PX = 1.5;

type Layer = { description?: string; mark: Record<string, unknown>; encoding: Record<string, unknown> } & Record<string, unknown>;

/**
 * Copies of the arrow layers (rules and filled points) in the ground's colour,
 * HALO_PX wider on every side, to draw under them: arrows of any colour then
 * read over a heatmap of any colour. The copies drop colour and tooltip encodings.
 */
export function haloLayers(layers: Layer[], halo: string): Layer[] {
  return layers.map(({ description, mark, encoding, ...rest }) => {
    const { stroke: _s, fill: _f, tooltip: _t, ...where } = encoding;
    const wider = mark.type === 'rule' ? { strokeWidth: Number(mark.strokeWidth ?? 1) + 2 * HALO_PX } : { stroke: halo, strokeWidth: 2 * HALO_PX };
    return { ...rest, description: `${description} halo`, mark: { ...mark, color: halo, ...wider }, encoding: where };
  });
}
