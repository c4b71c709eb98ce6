// Units of measure and currencies as written in Dutch news text, with their normalised symbol,
// dimension and conversion factor to the dimension's base unit (see Dimension in types.ts).

import type { Dimension } from './types';

export interface UnitDef {
  /** Normalised symbol stored in Figure.unit. */
  unit: string;
  dimension: Dimension;
  /** Factor to the base unit: km2 (area), km (length), day (duration), kg (weight), km/h (speed). */
  toBase: number;
}

const U = (unit: string, dimension: Dimension, toBase = 1): UnitDef => ({ unit, dimension, toBase });

const AREA_KM2 = U('km2', 'area', 1), AREA_M2 = U('m2', 'area', 1e-6), HA = U('ha', 'area', 0.01);
const KM = U('km', 'length', 1), M = U('m', 'length', 1e-3), CM = U('cm', 'length', 1e-5), MM = U('mm', 'length', 1e-6);
const PCT = U('%', 'percent', 1);
const EUR = U('EUR', 'money', 1), USD = U('USD', 'money', 1), GBP = U('GBP', 'money', 1);
const KG = U('kg', 'weight', 1), TON = U('t', 'weight', 1000), G = U('g', 'weight', 1e-3);

/**
 * Units written after a number, as sequences of lower-cased words (longest match wins).
 * Keys are space-separated word forms; symbols such as "km²" and "%" are single "words".
 */
export const UNIT_WORDS: Record<string, UnitDef> = {
  // area
  'vierkante kilometer': AREA_KM2, 'vierkante kilometers': AREA_KM2, 'km²': AREA_KM2, 'km2': AREA_KM2, 'km^2': AREA_KM2,
  'vierkante km': AREA_KM2,
  'vierkante meter': AREA_M2, 'vierkante meters': AREA_M2, 'm²': AREA_M2, 'm2': AREA_M2, 'm^2': AREA_M2,
  'hectare': HA, 'hectares': HA, 'ha': HA, 'are': U('are', 'area', 1e-4),
  'vierkante mijl': U('mi2', 'area', 2.589988), 'voetbalvelden': U('voetbalveld', 'area', 0.00714),
  // length
  'kilometer': KM, 'kilometers': KM, 'km': KM, 'meter': M, 'meters': M, 'm': M, 'centimeter': CM, 'centimeters': CM,
  'cm': CM, 'millimeter': MM, 'millimeters': MM, 'mm': MM, 'mijl': U('mi', 'length', 1.609344), 'mijlen': U('mi', 'length', 1.609344),
  'zeemijl': U('nmi', 'length', 1.852), 'zeemijlen': U('nmi', 'length', 1.852),
  'voet': U('ft', 'length', 0.0003048), 'inch': U('in', 'length', 0.0000254), 'duim': U('in', 'length', 0.0000254),
  'lichtjaar': U('ly', 'length', 9.4607e12), 'lichtjaren': U('ly', 'length', 9.4607e12), 'nanometer': U('nm', 'length', 1e-12),
  // percent
  'procent': PCT, '%': PCT, 'percent': PCT, 'pct': PCT, 'pct.': PCT,
  'procentpunt': U('pp', 'other', 1), 'procentpunten': U('pp', 'other', 1), 'procentpunt.': U('pp', 'other', 1),
  'promille': U('‰', 'other', 1),
  // money (after the number)
  'euro': EUR, "euro's": EUR, 'euros': EUR, '€': EUR, 'eur': EUR, '€ur': EUR,
  'dollar': USD, 'dollars': USD, '$': USD, 'usd': USD, 'us$': USD, 'amerikaanse dollar': USD, 'amerikaanse dollars': USD,
  'pond sterling': GBP, 'britse pond': GBP, 'britse ponden': GBP, 'gbp': GBP, '£': GBP,
  'roebel': U('RUB', 'money'), 'roebels': U('RUB', 'money'), 'hryvnja': U('UAH', 'money'), 'grivna': U('UAH', 'money'),
  'yen': U('JPY', 'money'), 'yuan': U('CNY', 'money'), 'renminbi': U('CNY', 'money'), 'frank': U('CHF', 'money'),
  'zwitserse frank': U('CHF', 'money'), 'gulden': U('NLG', 'money'), 'cent': U('cent', 'money', 0.01), 'cents': U('cent', 'money', 0.01),
  '¢': U('cent', 'money', 0.01),
  // duration
  'seconde': U('s', 'duration', 1 / 86400), 'seconden': U('s', 'duration', 1 / 86400), 'sec': U('s', 'duration', 1 / 86400),
  'minuut': U('min', 'duration', 1 / 1440), 'minuten': U('min', 'duration', 1 / 1440), 'min': U('min', 'duration', 1 / 1440),
  'uur': U('uur', 'duration', 1 / 24), 'uren': U('uur', 'duration', 1 / 24),
  'dag': U('dag', 'duration', 1), 'dagen': U('dag', 'duration', 1), 'etmaal': U('dag', 'duration', 1), 'etmalen': U('dag', 'duration', 1),
  'week': U('week', 'duration', 7), 'weken': U('week', 'duration', 7),
  'maand': U('maand', 'duration', 30.44), 'maanden': U('maand', 'duration', 30.44),
  'jaar': U('jaar', 'duration', 365.25), 'jaren': U('jaar', 'duration', 365.25),
  'decennium': U('decennium', 'duration', 3652.5), 'decennia': U('decennium', 'duration', 3652.5),
  'eeuw': U('eeuw', 'duration', 36525), 'eeuwen': U('eeuw', 'duration', 36525),
  // weight
  'kilo': KG, "kilo's": KG, 'kilogram': KG, 'kilogrammen': KG, 'kg': KG, 'gram': G, 'g': G, 'milligram': U('mg', 'weight', 1e-6), 'mg': U('mg', 'weight', 1e-6),
  'ton': TON, 'tonnen': TON, 't': TON, 'metrische ton': TON, 'ons': U('ons', 'weight', 0.1),
  // speed
  'km/u': U('km/h', 'speed'), 'km/h': U('km/h', 'speed'), 'km per uur': U('km/h', 'speed'), 'kilometer per uur': U('km/h', 'speed'),
  'mijl per uur': U('mph', 'speed', 1.609344), 'm/s': U('m/s', 'speed', 3.6), 'meter per seconde': U('m/s', 'speed', 3.6),
  'knopen': U('kn', 'speed', 1.852),
  // temperature
  'graden celsius': U('°C', 'temperature'), '°c': U('°C', 'temperature'), '°': U('°C', 'temperature'), 'graden': U('°', 'other'),
  // other
  'liter': U('l', 'other'), 'liters': U('l', 'other'), 'l': U('l', 'other'), 'ml': U('ml', 'other', 1e-3), 'milliliter': U('ml', 'other', 1e-3),
  'kuub': U('m3', 'other'), 'kubieke meter': U('m3', 'other'), 'm³': U('m3', 'other'), 'm3': U('m3', 'other'),
  'vaten': U('vat', 'other'), 'vat': U('vat', 'other'), 'kubieke voet': U('ft3', 'other'),
  'megawatt': U('MW', 'other'), 'mw': U('MW', 'other'), 'kilowatt': U('kW', 'other'), 'kw': U('kW', 'other'), 'gigawatt': U('GW', 'other'),
  'kwh': U('kWh', 'other'), 'megabyte': U('MB', 'other'), 'mb': U('MB', 'other'), 'gigabyte': U('GB', 'other'), 'gb': U('GB', 'other'),
  'kilobyte': U('kB', 'other'), 'kb': U('kB', 'other'), 'terabyte': U('TB', 'other'), 'tb': U('TB', 'other'),
  'rad': U('rad', 'other'), 'bit': U('bit', 'other'),
};

/** Weight fallback for "pond" when it is not money (see figures.ts). */
export const POND_WEIGHT: UnitDef = U('pond', 'weight', 0.5);
export const POND_MONEY: UnitDef = GBP;

/** Currency signs and codes written before the number: "€ 2,5 miljoen", "$4,25", "EUR 500". */
export const CURRENCY_PREFIX: Record<string, UnitDef> = {
  '€': EUR, 'eur': EUR, 'euro': EUR, '$': USD, 'us$': USD, 'usd': USD, 'usd$': USD, '£': GBP, 'gbp': GBP,
  'chf': U('CHF', 'money'), 'jpy': U('JPY', 'money'), '¥': U('JPY', 'money'), 'rub': U('RUB', 'money'), 'uah': U('UAH', 'money'),
  'cny': U('CNY', 'money'),
};

/** Longest word sequence of a unit; used to bound the look-ahead. */
export const MAX_UNIT_WORDS = 3;
